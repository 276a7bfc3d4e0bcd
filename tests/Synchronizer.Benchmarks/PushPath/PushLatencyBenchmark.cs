using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Synchronizer.Benchmarks.Harness;
using Synchronizer.Benchmarks.Polling;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Polling;
using Synchronizer.Plugins.Abstractions;
using Synchronizer.Service.Hosting;
using Synchronizer.Service.PushPath;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.Benchmarks.PushPath;

/// <summary>
/// The push path's latency: from the simulator writing Nova's <c>instance.update</c> (the message's
/// own timestamp) to our change notification reaching a subscriber of <c>synchronizer.nova.instance</c>.
/// Its inherent cost is a broker hop, one GET of the server and another broker hop, so the baselines,
/// measured in the same run, are a bare RabbitMQ.Client round trip and a bare HttpClient GET of one
/// server from the same simulator.
/// </summary>
internal sealed class PushLatencyBenchmark : IBenchmark
{
    private const int Servers = 100;

    // Changes made first and not measured: JIT, token, connections.
    private const int WarmUp = 20;

    // How many turns our path and the baselines take.
    private const int Blocks = 5;

    // Far enough apart that each change travels alone instead of queueing behind the previous one.
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(20);

    public string Name => "push";

    public string Description => "OpenStack notification -> our notification (p50, p99, max) vs a bare broker round trip and a bare GET of one server (needs a broker)";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.TransportUrl is null)
        {
            context.Report(Name, "skipped: SYNCHRONIZER_TEST_TRANSPORT_URL not set", 0, "-");
            return;
        }

        var changes = context.Quick ? 100 : 500;
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { SeedServers = Servers, RandomSeed = 11, NotificationsTransportUrl = context.TransportUrl }, cancellationToken);
        var exchange = $"bench-push-{Guid.NewGuid():N}"[..24];
        var pool = $"bench-push-{Guid.NewGuid():N}"[..24];
        await using var provider = BuildSynchronizer(simulator, context.TransportUrl, exchange, pool);
        var pushPath = provider.GetRequiredService<PushPathHostedService>();
        await pushPath.StartAsync(cancellationToken);
        try
        {
            provider.GetRequiredService<SynchronizationEngine>().TryGet("nova.instance", out var instances);
            await instances!.PollAsync(ChangeSource.Poll, cancellationToken);
            var ids = (await simulator.Control.GetServersAsync(cancellationToken)).Select(s => s.GetProperty("id").GetString()!).ToArray();
            await using var openStack = await OsloTap.StartAsync(context.TransportUrl, "nova", "versioned_notifications.info", NovaDisplayName, cancellationToken);
            await using var ours = await OsloTap.StartAsync(context.TransportUrl, exchange, "synchronizer.nova.instance.info", EntityName, cancellationToken);
            await using var roundTrip = await BareRoundTrip.ConnectAsync(context.TransportUrl, cancellationToken);
            using var bare = new BareNovaLister(simulator.IdentityUrl);
            await RenameAsync(simulator, ids, "warm", 0, WarmUp, ours, cancellationToken);
            await bare.GetServerAsync(ids[0], cancellationToken);

            // Our path and the baselines take turns, so that the shared machine's load drifts over all of them alike.
            var gets = new LatencySamples();
            var perBlock = changes / Blocks;
            for (var block = 0; block < Blocks; block++)
            {
                await RenameAsync(simulator, ids, "push", block * perBlock, perBlock, ours, cancellationToken);
                await roundTrip.SendAsync(perBlock, Spacing, cancellationToken);
                await GetAsync(bare, ids, perBlock, gets, cancellationToken);
            }

            var push = Latencies(openStack, ours, "push", perBlock * Blocks);
            var rtt = roundTrip.Samples();
            var inherent = (2 * rtt.Percentile(0.5)) + gets.Percentile(0.5);
            context.Report(Name, $"bare broker round trip p50, {rtt.Count} msgs", rtt.Percentile(0.5), "ms");
            context.Report(Name, "bare broker round trip p99", rtt.Percentile(0.99), "ms");
            context.Report(Name, $"bare GET of one server p50, {gets.Count} GETs", gets.Percentile(0.5), "ms");
            context.Report(Name, "bare GET of one server p99", gets.Percentile(0.99), "ms");
            context.Report(Name, $"push path p50, {push.Count} of {perBlock * Blocks} changes", push.Percentile(0.5), "ms", rtt.Percentile(0.5));
            context.Report(Name, "push path p99", push.Percentile(0.99), "ms", rtt.Percentile(0.99));
            context.Report(Name, "push path max", push.Max, "ms", rtt.Max);
            context.Report(Name, "push path p50 vs 2 round trips + 1 GET (p50s)", push.Percentile(0.5), "ms", inherent);
        }
        finally
        {
            await pushPath.StopAsync(CancellationToken.None);
            await BenchQueues.DeleteAsync(context.TransportUrl, [$"{pool}.nova.versioned_notifications", $"{pool}.dead-letter"], cancellationToken);
        }
    }

    private static ServiceProvider BuildSynchronizer(SimulatorServer simulator, string transportUrl, string exchange, string pool)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DEFAULT:transport_url"] = transportUrl,
            ["DEFAULT:control_exchange"] = exchange,
            ["DEFAULT:host"] = "bench",
            ["service_credentials:auth_url"] = simulator.IdentityUrl.ToString(),
            ["service_credentials:username"] = "admin",
            ["service_credentials:password"] = "secret",
            ["service_credentials:project_name"] = "admin",
            ["openstack_notifications:enabled"] = "true",
            ["openstack_notifications:pool"] = pool,
            ["openstack_notifications:cinder"] = string.Empty,
            ["openstack_notifications:heat"] = string.Empty,
        }).Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSynchronizer(configuration).AddNova();
        services.AddPushPath(configuration);
        return services.BuildServiceProvider();
    }

    // Each change renames one server to a name of its own: the name ties Nova's notification to ours.
    private static async Task RenameAsync(SimulatorServer simulator, string[] ids, string prefix, int first, int count, OsloTap ours, CancellationToken cancellationToken)
    {
        var announced = ours.Count;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var ahead = (Spacing * i) - Stopwatch.GetElapsedTime(started);
            if (ahead > TimeSpan.Zero)
            {
                await Task.Delay(ahead, cancellationToken);
            }

            await simulator.Control.UpdateServerAsync(ids[(first + i) % ids.Length], name: $"{prefix}-{first + i}", ct: cancellationToken);
        }

        await ours.WaitForAsync(announced + count, TimeSpan.FromSeconds(10), cancellationToken);
    }

    private static LatencySamples Latencies(OsloTap openStack, OsloTap ours, string prefix, int count)
    {
        var samples = new LatencySamples();
        for (var i = 0; i < count; i++)
        {
            if (openStack.TryGet($"{prefix}-{i}", out var sent) && ours.TryGet($"{prefix}-{i}", out var announced))
            {
                samples.Add(announced.ArrivedAt - sent.Timestamp);
            }
        }

        return samples;
    }

    private static async Task GetAsync(BareNovaLister bare, string[] ids, int count, LatencySamples samples, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await bare.GetServerAsync(ids[i % ids.Length], cancellationToken);
            samples.Add(Stopwatch.GetElapsedTime(started));
            await Task.Delay(Spacing, cancellationToken);
        }
    }

    private static string? NovaDisplayName(JsonElement message) =>
        message.GetProperty("event_type").GetString() == "instance.update"
            ? message.GetProperty("payload").GetProperty("nova_object.data").GetProperty("display_name").GetString()
            : null;

    private static string? EntityName(JsonElement message) =>
        message.GetProperty("payload").GetProperty("entity").GetProperty("name").GetString();
}
