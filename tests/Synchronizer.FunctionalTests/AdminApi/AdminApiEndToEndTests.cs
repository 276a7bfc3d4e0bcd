using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Plugins.Nova;
using Synchronizer.Service.AdminApi;
using Synchronizer.Service.Hosting;
using Synchronizer.Service.Metrics;
using Synchronizer.Service.Sync;
using Synchronizer.Simulator.Faults;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.FunctionalTests.AdminApi;

/// <summary>
/// The admin API of the service as <c>serve</c> wires it (simulator over HTTP, real RabbitMQ): the
/// real <c>/metrics</c> output passes Prometheus' own <c>promtool check metrics</c>, and <c>/readyz</c>
/// turns ready once the bus is connected and every type has been polled.
/// </summary>
[Trait("Category", "Functional")]
[Collection(BrokerTests.Name)]
public sealed class AdminApiEndToEndTests : IAsyncLifetime
{
    private const string Promtool = "/usr/bin/promtool";
    private SimulatorServer _simulator = null!;
    private ServiceProvider _services = null!;
    private AdminApiHostedService _adminApi = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorServer.StartAsync(new SimulatorOptions(), CancellationToken.None);
        var settings = SynchronizerHarness.Settings(_simulator, TestBroker.UniqueExchange(), new Dictionary<string, string?> { ["admin_api:bind"] = "127.0.0.1:0" });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSynchronizer(configuration).AddNova();
        services.AddAdminApi(configuration);
        _services = services.BuildServiceProvider(validateScopes: true);
        _adminApi = _services.GetRequiredService<AdminApiHostedService>();
        await _adminApi.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _adminApi.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task Metrics_AfterRealPollsOkAndFailed_PassPromtoolCheckMetrics()
    {
        Assert.True(
            File.Exists(Promtool),
            $"{Promtool} is missing: scripts/functional installs it (scripts/lib/promtool.sh, Debian package 'prometheus'); " +
            "or run: apt-get install -y --no-install-recommends prometheus");
        await _simulator.Control.SeedServersAsync(40);
        foreach (var type in await EntityTypesAsync())
        {
            Assert.Equal(HttpStatusCode.OK, await SyncAsync(type));
        }

        await _simulator.Control.InjectFaultAsync(new FaultRule("status", Service: "compute", PathContains: "/servers/detail", Status: 400, Times: 1));
        Assert.Equal(HttpStatusCode.BadGateway, await SyncAsync(NovaEntityTypes.Instance));

        // The RPC server and the push path record into these; until they run, one sample each shows their format.
        var metrics = _services.GetRequiredService<SynchronizerMetrics>();
        metrics.RecordRpcCall("get_all", "ok");
        metrics.RecordPushLag(NovaEntityTypes.Instance, TimeSpan.FromMilliseconds(250));

        using var client = CreateClient();
        var exposition = await client.GetStringAsync(new Uri("metrics", UriKind.Relative));
        var (exitCode, output) = await RunPromtoolAsync(exposition);

        Assert.True(exitCode == 0, $"promtool check metrics exited {exitCode}:\n{output}\n--- /metrics ---\n{exposition}");
        Assert.Contains("synchronizer_polls_total{entity_type=\"nova.instance\",result=\"failed\"} 1\n", exposition, StringComparison.Ordinal);
        Assert.Contains("synchronizer_entities{entity_type=\"nova.instance\"} 40\n", exposition, StringComparison.Ordinal);
        Assert.Contains("synchronizer_notifications_published_total{entity_type=\"nova.instance\"} 40\n", exposition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_BeforeAndAfterEveryTypeIsPolled_TurnsReady()
    {
        using var client = CreateClient();
        using (var before = await client.GetAsync(new Uri("readyz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        }

        await _simulator.Control.SeedServersAsync(3);
        foreach (var type in await EntityTypesAsync())
        {
            Assert.Equal(HttpStatusCode.OK, await SyncAsync(type));
        }

        using var after = await client.GetAsync(new Uri("readyz", UriKind.Relative));
        Assert.True(after.StatusCode == HttpStatusCode.OK, await after.Content.ReadAsStringAsync());
    }

    private HttpClient CreateClient() => new() { BaseAddress = _adminApi.Address, Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task Sync_OnDemandWhilePeriodicPollOnASlowPage_WaitsThenAllShareOneNextPoll()
    {
        await _simulator.Control.SeedServersAsync(5);
        await _simulator.Control.InjectFaultAsync(new FaultRule("delay_ms", Service: "compute", PathContains: "/servers/detail", DelayMs: 2000, Times: null));
        var coordinator = _services.GetRequiredService<SyncCoordinator>();

        // The periodic job's path first, then three operators at once while its slow page is on its way.
        var periodic = coordinator.PollAsync(NovaEntityTypes.Instance, CancellationToken.None);
        var onDemand = Enumerable.Range(0, 3).Select(_ => SyncResultAsync(NovaEntityTypes.Instance)).ToArray();
        var periodicResult = await periodic;
        var periodicEndedAt = DateTimeOffset.UtcNow;
        var results = await Task.WhenAll(onDemand);

        Assert.Equal(SyncStatus.Ok, periodicResult.Status);
        Assert.All(results, r => Assert.Equal("ok", r.Status));
        Assert.All(results, r => Assert.True(r.AnsweredAt >= periodicEndedAt, "an on-demand sync answered before the periodic poll it waited for ended"));
        Assert.Single(results.Select(r => r.DurationMs).Distinct());
        Assert.All(results, r => Assert.True(r.DurationMs >= 2000, $"the joined poll took {r.DurationMs} ms, less than the slow page"));
        using var client = CreateClient();
        var exposition = await client.GetStringAsync(new Uri("metrics", UriKind.Relative));
        Assert.Contains("synchronizer_polls_total{entity_type=\"nova.instance\",result=\"ok\"} 2\n", exposition, StringComparison.Ordinal);
    }

    private async Task<(string Status, long DurationMs, DateTimeOffset AnsweredAt)> SyncResultAsync(string entityType)
    {
        using var client = CreateClient();
        using var response = await client.PostAsync(new Uri($"v1/sync/{entityType}", UriKind.Relative), null);
        var answeredAt = DateTimeOffset.UtcNow;
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var result = json.RootElement.GetProperty("results")[0];
        return (result.GetProperty("status").GetString()!, result.GetProperty("duration_ms").GetInt64(), answeredAt);
    }

    private static async Task<(int ExitCode, string Output)> RunPromtoolAsync(string exposition)
    {
        var start = new ProcessStartInfo(Promtool, ["check", "metrics"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var promtool = Process.Start(start) ?? throw new InvalidOperationException($"{Promtool} did not start.");
        var stdout = promtool.StandardOutput.ReadToEndAsync();
        var stderr = promtool.StandardError.ReadToEndAsync();
        await promtool.StandardInput.WriteAsync(exposition);
        promtool.StandardInput.Close();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await promtool.WaitForExitAsync(patience.Token);
        return (promtool.ExitCode, await stdout + await stderr);
    }

    private async Task<string[]> EntityTypesAsync()
    {
        using var client = CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("v1/types", UriKind.Relative)));
        return [.. json.RootElement.GetProperty("types").EnumerateArray().Select(t => t.GetProperty("entity_type").GetString()!)];
    }

    private async Task<HttpStatusCode> SyncAsync(string entityType)
    {
        using var client = CreateClient();
        using var response = await client.PostAsync(new Uri($"v1/sync/{entityType}", UriKind.Relative), null);
        return response.StatusCode;
    }
}
