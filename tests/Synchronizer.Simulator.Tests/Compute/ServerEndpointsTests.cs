using System.Net;
using System.Text.Json;
using Synchronizer.Simulator.Hosting;
using Synchronizer.Simulator.Tests.Support;

namespace Synchronizer.Simulator.Tests.Compute;

public sealed class ServerEndpointsTests
{
    [Fact]
    public async Task ListDetailAsync_2500ServersAtLimit1000_ReturnsThreePagesLastWithoutNextLink()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedServers = 2500, SeedProjects = 3 });
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();

        var pages = await ReadAllPagesAsync(client, token, "compute/v2.1/servers/detail?all_tenants=1&limit=1000");

        Assert.Equal([1000, 1000, 500], pages.Select(p => p.Ids.Count));
        Assert.NotNull(pages[0].Next);
        Assert.NotNull(pages[1].Next);
        Assert.Null(pages[2].Next);
        var ids = pages.SelectMany(p => p.Ids).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var truth = await sut.Control.GetServersAsync();
        Assert.Equal(truth.Select(s => s.GetProperty("id").GetString()), ids);
    }

    [Fact]
    public async Task ListDetailAsync_FullPage_LinksToNextPageWithTheOtherParameters()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedServers = 3 });
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();

        using var response = await client.GetAsync("compute/v2.1/servers/detail?limit=3&all_tenants=1", token);
        var body = await OpenStackClient.JsonAsync(response);

        // Nova links a full page even when nothing follows; the next page is then empty and unlinked.
        var last = body.GetProperty("servers")[2].GetProperty("id").GetString();
        var next = body.GetProperty("servers_links")[0];
        Assert.Equal("next", next.GetProperty("rel").GetString());
        Assert.Equal($"{client.Base}/compute/v2.1/servers/detail?all_tenants=1&limit=3&marker={last}", next.GetProperty("href").GetString());
        using var following = await client.GetAsync(next.GetProperty("href").GetString()![(client.Base.Length + 1)..], token);
        var empty = await OpenStackClient.JsonAsync(following);
        Assert.Equal(0, empty.GetProperty("servers").GetArrayLength());
        Assert.False(empty.TryGetProperty("servers_links", out _));
    }

    [Fact]
    public async Task ListDetailAsync_LimitAboveMaxLimit_IsClampedToMaxLimit()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedServers = 7, MaxLimit = 5 });
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync("compute/v2.1/servers/detail?limit=1000", await client.IssueTokenAsync());
        var body = await OpenStackClient.JsonAsync(response);

        Assert.Equal(5, body.GetProperty("servers").GetArrayLength());
        Assert.Contains("limit=1000&marker=", body.GetProperty("servers_links")[0].GetProperty("href").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListDetailAsync_NoLimitAndMoreThanMaxLimit_LinksWithoutALimitParameter()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedServers = 7, MaxLimit = 5 });
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync("compute/v2.1/servers/detail", await client.IssueTokenAsync());
        var body = await OpenStackClient.JsonAsync(response);

        var last = body.GetProperty("servers")[4].GetProperty("id").GetString();
        Assert.Equal($"{client.Base}/compute/v2.1/servers/detail?marker={last}", body.GetProperty("servers_links")[0].GetProperty("href").GetString());
    }

    [Fact]
    public async Task ListDetailAsync_MarkerOfDeletedServer_ContinuesAfterIt()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedServers = 5 });
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();
        var all = (await sut.Control.GetServersAsync()).Select(s => s.GetProperty("id").GetString()!).ToList();

        await sut.Control.DeleteServerAsync(all[1]);
        using var response = await client.GetAsync($"compute/v2.1/servers/detail?limit=2&marker={all[1]}", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(all[2..4], Ids(await OpenStackClient.JsonAsync(response)));
    }

    [Fact]
    public async Task ListDetailAsync_UnknownMarker_Returns400LikeNova()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedServers = 2 });
        using var client = new OpenStackClient(sut);
        const string Marker = "9e6b7ec2-2f6b-4b74-8b8d-3b8f2c1b5f11";

        using var response = await client.GetAsync($"compute/v2.1/servers/detail?marker={Marker}", await client.IssueTokenAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json; charset=UTF-8", OpenStackClient.ContentType(response)!.ToString());
        var expected = Fixtures.Load("nova/error.badRequest-400.json");
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(await OpenStackClient.JsonAsync(response)));
    }

    [Fact]
    public async Task ListDetailAsync_NewestFirst_OrdersByCreatedThenIdDescending()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedServers = 3 });
        using var client = new OpenStackClient(sut);
        var created = await sut.Control.CreateServerAsync("newest");

        using var response = await client.GetAsync("compute/v2.1/servers/detail", await client.IssueTokenAsync());
        var servers = (await OpenStackClient.JsonAsync(response)).GetProperty("servers").EnumerateArray().ToList();

        Assert.Equal(created, servers[0].GetProperty("id").GetString());
        var stamps = servers.Select(s => s.GetProperty("created").GetString()).ToList();
        Assert.Equal(stamps.OrderDescending(StringComparer.Ordinal), stamps);
    }

    [Fact]
    public async Task ListDetailAsync_WithoutAllTenants_ShowsOnlyTheTokensProject()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedServers = 9, SeedProjects = 3 });
        using var client = new OpenStackClient(sut);
        var token = await client.IssueTokenAsync();
        var projectId = await client.ProjectIdAsync("admin", "secret", "admin");

        using var own = await client.GetAsync("compute/v2.1/servers/detail", token);
        using var everyone = await client.GetAsync("compute/v2.1/servers/detail?all_tenants=1", token);

        var ownServers = (await OpenStackClient.JsonAsync(own)).GetProperty("servers").EnumerateArray().ToList();
        Assert.Equal(3, ownServers.Count);
        Assert.All(ownServers, s => Assert.Equal(projectId, s.GetProperty("tenant_id").GetString()));
        Assert.Equal(9, (await OpenStackClient.JsonAsync(everyone)).GetProperty("servers").GetArrayLength());
    }

    [Fact]
    public async Task ListDetailAsync_AllTenantsAsNonAdmin_Returns403()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync("compute/v2.1/servers/detail?all_tenants=1", await client.IssueTokenAsync("demo", "demo", "demo"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var message = (await OpenStackClient.JsonAsync(response)).GetProperty("forbidden").GetProperty("message").GetString();
        Assert.Equal("Policy doesn't allow os_compute_api:servers:detail:get_all_tenants to be performed.", message);
    }

    [Fact]
    public async Task ListAsync_Basic_ReturnsIdNameAndLinks()
    {
        await using var sut = await CreateSutAsync(new SimulatorOptions { SeedServers = 2 });
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync("compute/v2.1/servers?limit=1", await client.IssueTokenAsync());
        var body = await OpenStackClient.JsonAsync(response);

        Assert.Equal(["id", "links", "name"], JsonShape.Keys(body.GetProperty("servers")[0]).Order());
        Assert.StartsWith($"{client.Base}/compute/v2.1/servers?limit=1&marker=", body.GetProperty("servers_links")[0].GetProperty("href").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowAsync_UnknownId_Returns404LikeNova()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);

        using var response = await client.GetAsync("compute/v2.1/servers/9e6b7ec2-2f6b-4b74-8b8d-3b8f2c1b5f11", await client.IssueTokenAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var expected = Fixtures.Load("nova/error.itemNotFound-404.json");
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(await OpenStackClient.JsonAsync(response)));
    }

    [Fact]
    public async Task ShowAsync_DeletedServer_Returns404()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var id = await sut.Control.CreateServerAsync();
        await sut.Control.DeleteServerAsync(id);

        using var response = await client.GetAsync($"compute/v2.1/servers/{id}", await client.IssueTokenAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ShowAsync_ExistingServer_ReturnsItUnderServer()
    {
        await using var sut = await CreateSutAsync();
        using var client = new OpenStackClient(sut);
        var id = await sut.Control.CreateServerAsync("web-1");

        using var response = await client.GetAsync($"compute/v2.1/servers/{id}", await client.IssueTokenAsync());

        var server = (await OpenStackClient.JsonAsync(response)).GetProperty("server");
        Assert.Equal(id, server.GetProperty("id").GetString());
        Assert.Equal("web-1", server.GetProperty("name").GetString());
        Assert.Equal($"{client.Base}/compute/v2.1/servers/{id}", server.GetProperty("links")[0].GetProperty("href").GetString());
        Assert.Equal($"{client.Base}/compute/servers/{id}", server.GetProperty("links")[1].GetProperty("href").GetString());
    }

    private static List<string> Ids(JsonElement body) =>
        [.. body.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];

    private static async Task<List<(List<string> Ids, string? Next)>> ReadAllPagesAsync(OpenStackClient client, string token, string firstPath)
    {
        var pages = new List<(List<string> Ids, string? Next)>();
        var path = firstPath;
        while (path is not null && pages.Count < 10)
        {
            using var response = await client.GetAsync(path, token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await OpenStackClient.JsonAsync(response);
            var next = body.TryGetProperty("servers_links", out var links) ? links[0].GetProperty("href").GetString() : null;
            pages.Add((Ids(body), next));
            path = next?[(client.Base.Length + 1)..];
        }

        return pages;
    }

    private static Task<SimulatorServer> CreateSutAsync(SimulatorOptions? options = null) =>
        SimulatorServer.StartAsync(options ?? new SimulatorOptions());
}
