using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Synchronizer.Benchmarks.Harness;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Benchmarks.Simulator;

/// <summary>
/// The simulator serving a full servers/detail listing (all_tenants, limit 1000, following servers_links)
/// through HttpClient, against the same HttpClient fetching and parsing a static 1000-server page from a
/// trivial Kestrel endpoint: the ratio is what rendering a page costs over bare HTTP. Also the managed
/// memory the seeded cloud holds.
/// </summary>
internal sealed class SimulatorListingBenchmark : IBenchmark
{
    private const int PageSize = 1000;

    public string Name => "simulator";

    public string Description => "full 100k-server listing at limit 1000 through HttpClient (time, per page, memory) vs a static 1000-server page from bare Kestrel";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var count = context.Quick ? 10_000 : 100_000;

        var before = Settle();
        var seeding = Stopwatch.StartNew();
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions { SeedServers = count, SeedProjects = 10 }, cancellationToken);
        seeding.Stop();
        var held = Settle() - before;
        context.Report(Name, $"seed {count} servers", seeding.Elapsed.TotalMilliseconds, "ms");
        context.Report(Name, $"managed heap for {count} servers", held / 1024.0 / 1024.0, "MiB");
        context.Report(Name, "  per server", held / (double)count, "B");

        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var token = await IssueTokenAsync(http, cancellationToken);
        var first = $"compute/v2.1/servers/detail?all_tenants=1&limit={PageSize}";
        var (pages, bytes) = await ListAllAsync(http, token, first, cancellationToken);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var listing = await BenchmarkContext.MedianMillisecondsAsync(3, () => ListAllAsync(http, token, first, cancellationToken));
        var allocatedPerPage = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 3.0 / pages;

        // The baseline serves the simulator's own first page, byte for byte, so both move the same data.
        var page = await GetAsync(http, new Uri(first, UriKind.Relative), token, cancellationToken);
        await using var bare = await StaticPageServer.StartAsync(page, cancellationToken);
        using var bareHttp = new HttpClient();
        await FetchAsync(bareHttp, bare.Address, token, pages, cancellationToken);
        var baseline = await BenchmarkContext.MedianMillisecondsAsync(3, () => FetchAsync(bareHttp, bare.Address, token, pages, cancellationToken));

        context.Report(Name, $"full listing, {count} servers in {pages} pages", listing, "ms", baseline);
        context.Report(Name, $"  per {PageSize}-server page ({bytes / pages / 1024} KiB)", listing / pages, "ms", baseline / pages);
        context.Report(Name, "  allocated per page (client and server)", allocatedPerPage / 1024.0 / 1024.0, "MiB");

        // The whole cloud the issue asks for at once: add volumes and stacks to the servers.
        var (volumes, stacks) = context.Quick ? (5_000, 1_000) : (50_000, 10_000);
        await server.Control.SeedVolumesAsync(volumes, 10, cancellationToken);
        await server.Control.SeedStacksAsync(stacks, 10, cancellationToken);
        var cloud = Settle() - before;
        context.Report(Name, $"managed heap, {count} servers + {volumes} volumes + {stacks} stacks", cloud / 1024.0 / 1024.0, "MiB");
        var project = await AdminProjectAsync(http, token, cancellationToken);
        var volumeListing = await BenchmarkContext.MedianMillisecondsAsync(
            3, () => ListAllAsync(http, token, $"volume/v3/{project}/volumes/detail?all_tenants=1&limit={PageSize}", cancellationToken, "volumes_links"));
        context.Report(Name, $"full cinder listing, {volumes} volumes", volumeListing, "ms");
        var stackListing = await BenchmarkContext.MedianMillisecondsAsync(
            3, () => ListAllAsync(http, token, $"orchestration/v1/{project}/stacks?global_tenant=true&limit={PageSize}", cancellationToken, "links"));
        context.Report(Name, $"full heat listing, {stacks} stacks", stackListing, "ms");
        context.Report(Name, "process working set", Environment.WorkingSet / 1024.0 / 1024.0, "MiB");
    }

    private static async Task<string> AdminProjectAsync(HttpClient http, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("identity/v3/auth/tokens?nocatalog", UriKind.Relative));
        request.Headers.Add("X-Auth-Token", token);
        request.Headers.Add("X-Subject-Token", token);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        return document.RootElement.GetProperty("token").GetProperty("project").GetProperty("id").GetString()!;
    }

    private static async Task<(int Pages, long Bytes)> ListAllAsync(
        HttpClient http, string token, string first, CancellationToken cancellationToken, string linksKey = "servers_links")
    {
        var pages = 0;
        long bytes = 0;
        string? path = first;
        while (path is not null)
        {
            var body = await GetAsync(http, new Uri(path, UriKind.RelativeOrAbsolute), token, cancellationToken);
            using var document = JsonDocument.Parse(body);
            pages++;
            bytes += body.Length;
            path = document.RootElement.TryGetProperty(linksKey, out var links) ? links[0].GetProperty("href").GetString() : null;
        }

        return (pages, bytes);
    }

    // The same client work per page as ListAllAsync: fetch, parse, look for the next link.
    private static async Task FetchAsync(HttpClient http, Uri address, string token, int pages, CancellationToken cancellationToken)
    {
        for (var i = 0; i < pages; i++)
        {
            var body = await GetAsync(http, address, token, cancellationToken);
            using var document = JsonDocument.Parse(body);
            _ = document.RootElement.TryGetProperty("servers_links", out _);
        }
    }

    private static async Task<byte[]> GetAsync(HttpClient http, Uri uri, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add("X-Auth-Token", token);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private static async Task<string> IssueTokenAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var body = new
        {
            auth = new
            {
                identity = new { methods = new[] { "password" }, password = new { user = new { name = "admin", domain = new { name = "Default" }, password = "secret" } } },
                scope = new { project = new { name = "admin", domain = new { name = "Default" } } },
            },
        };
        using var response = await http.PostAsJsonAsync(new Uri("identity/v3/auth/tokens", UriKind.Relative), body, cancellationToken);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("X-Subject-Token").Single();
    }

    private static long Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
