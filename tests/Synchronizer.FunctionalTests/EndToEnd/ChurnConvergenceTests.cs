using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Synchronizer.Client;
using Synchronizer.Client.Replication;
using Synchronizer.Core.Polling;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.Plugins.Cinder;
using Synchronizer.Plugins.Heat;
using Synchronizer.Plugins.Nova;
using Synchronizer.Service.Hosting;
using Synchronizer.Service.PushPath;
using Synchronizer.Simulator.Hosting;
using Xunit.Abstractions;

namespace Synchronizer.FunctionalTests.EndToEnd;

/// <summary>
/// CONTRACT §5's promise end to end: while the simulator makes 1,000 changes (its OpenStack
/// notifications on, the push path and short polls racing each other), the .NET client and a real
/// Python oslo.messaging listener follow; once the churn stops and a sync completes, both replicas
/// equal the simulator's ground truth, entity for entity and hash for hash.
/// </summary>
[Trait("Category", "Interop")]
[Collection(BrokerTests.Name)]
public sealed class ChurnConvergenceTests : IAsyncLifetime
{
    private const int Operations = 1000;

    // A busy cloud's pace, yet the whole churn stays within about ten seconds.
    private const double OperationsPerSecond = 100;

    private static readonly string[] Types = [NovaEntityTypes.Instance, CinderEntityTypes.Volume, HeatEntityTypes.Stack];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly ITestOutputHelper _output;
    private readonly string _exchange = TestBroker.UniqueExchange();

    // Exchanges nova, openstack and heat are shared by every test on the broker: pools of our own.
    private readonly string _pushPool = $"churn-push-{Guid.NewGuid():N}"[..24];
    private readonly string _osloPool = $"churn-oslo-{Guid.NewGuid():N}"[..24];
    private SimulatorServer _simulator = null!;
    private OsloReplicaListenerProcess _oslo = null!;
    private IHost _host = null!;
    private SynchronizerClient _client = null!;

    public ChurnConvergenceTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorServer.StartAsync(new SimulatorOptions
        {
            SeedServers = 300,
            SeedVolumes = 150,
            SeedStacks = 60,
            SeedProjects = 3,
            RandomSeed = 5,
            NotificationsTransportUrl = TestBroker.TransportUrl,
        });

        // Listening before the first poll, the oslo replica starts at revision 0 and needs no snapshot.
        _oslo = await OsloReplicaListenerProcess.StartAsync(_exchange, Types, _osloPool, Patience);
        var settings = SynchronizerHarness.Settings(_simulator, _exchange, new Dictionary<string, string?>
        {
            ["openstack_notifications:enabled"] = "true",
            ["openstack_notifications:pool"] = _pushPool,
            [$"{NovaEntityTypes.Instance}:interval"] = "3",
            [$"{CinderEntityTypes.Volume}:interval"] = "3",
            [$"{HeatEntityTypes.Stack}:interval"] = "3",
            [$"{NovaEntityTypes.Host}:enabled"] = "false",
            [$"{NovaEntityTypes.Zone}:enabled"] = "false",
        });
        _host = SynchronizerHost.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), b => b.SetMinimumLevel(LogLevel.Warning));
        await _host.StartAsync();
        _client = await SynchronizerClient.ConnectAsync(new SynchronizerClientOptions
        {
            TransportUrl = TestBroker.TransportUrl,
            ControlExchange = _exchange,
            RpcTimeout = Patience,
        });
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _host.StopAsync();
        _host.Dispose();
        _oslo.Dispose();
        await _simulator.DisposeAsync();
        await BrokerQueues.DeleteAsync([_osloPool, $"{_pushPool}.dead-letter", .. PushPathDrain.DefaultQueues(_pushPool)]);
    }

    [Fact]
    public async Task Churn_ThousandOperationsWhileFollowing_BothReplicasEqualTheGroundTruthHashForHash()
    {
        using var deadline = new CancellationTokenSource(Patience);
        await WaitForFirstPollsAsync(deadline.Token);
        var followers = new List<ReplicaFollower>();
        foreach (var type in Types)
        {
            followers.Add(await _client.FollowAsync(type, deadline.Token));
        }

        using var stopFollowing = new CancellationTokenSource();
        var runs = followers.Select(f => f.RunAsync(stopFollowing.Token)).ToArray();
        try
        {
            await (await ChurnAsync()).RunAsync(Operations, OperationsPerSecond, deadline.Token);
            var pushPath = _host.Services.GetRequiredService<PushPathHostedService>();
            await PushPathDrain.WaitAsync(_simulator, pushPath, PushPathDrain.DefaultQueues(_pushPool), deadline.Token);
            var synced = await _client.Rpc.SyncAsync(entityType: null, wait: true, deadline.Token);
            Assert.All(synced.Where(r => Types.Contains(r.EntityType)), r => Assert.True(r.Status == "ok", $"sync of {r.EntityType}: {r.Status} {r.Error}"));
            var targets = (await _client.Rpc.ListTypesAsync(deadline.Token)).Where(t => Types.Contains(t.EntityType)).ToDictionary(t => t.EntityType, t => t.Revision);

            await WaitForRevisionsAsync(followers, targets, runs, deadline.Token);
            var oslo = await _oslo.FinishAsync(targets, Patience);
            _output.WriteLine($"push path: received {pushPath.Statistics?.Received}, handled {pushPath.Statistics?.Handled}, failed {pushPath.Statistics?.Failed}");
            foreach (var follower in followers)
            {
                await AssertReplicasEqualGroundTruthAsync(follower, oslo, targets[follower.EntityType], deadline.Token);
            }
        }
        finally
        {
            await stopFollowing.CancelAsync();

            // Stopped runs end cancelled; a run that failed earlier was surfaced by WaitForRevisionsAsync.
            await Task.WhenAll(runs).ContinueWith(_ => { }, TaskScheduler.Default);
            foreach (var follower in followers)
            {
                await follower.DisposeAsync();
            }
        }
    }

    private async Task AssertReplicasEqualGroundTruthAsync(ReplicaFollower follower, OsloReplicaDump oslo, long revision, CancellationToken cancellationToken)
    {
        var type = follower.EntityType;
        var volatileFields = _host.Services.GetRequiredService<SynchronizationEngine>().TryGet(type, out var synchronizer)
            ? synchronizer.Descriptor.VolatileFields
            : throw new InvalidOperationException($"{type} is not registered.");
        var truth = await GroundTruth.HashesAsync(_simulator, type, volatileFields, cancellationToken);
        var sources = oslo.Sources[type];
        _output.WriteLine($"{type}: {truth.Count} entities at revision {revision}; oslo applied {string.Join(", ", sources.Select(s => $"{s.Value} {s.Key}"))}, skipped {oslo.Duplicates[type]} duplicates");

        // The .NET client: its replica, the hashes it was given, and those recomputed from its entities.
        Assert.Equal(revision, follower.Revision);
        var dotnet = follower.Entities;
        Assert.Equal(truth.Keys.Order(StringComparer.Ordinal), dotnet.Keys.Order(StringComparer.Ordinal));
        Assert.All(truth, t => Assert.Equal(t.Value, dotnet[t.Key].Hash));
        Assert.All(truth, t => Assert.Equal(t.Value, GroundTruth.HashOf(dotnet[t.Key].Entity, volatileFields)));

        // The oslo listener: the same, from what Python kept of the notifications.
        Assert.Equal(revision, oslo.Revisions[type]);
        var python = oslo.Entities[type];
        Assert.Equal(truth.Keys.Order(StringComparer.Ordinal), python.Keys.Order(StringComparer.Ordinal));
        Assert.All(truth, t => Assert.Equal(t.Value, oslo.Hashes[type][t.Key]));
        Assert.All(truth, t => Assert.Equal(t.Value, GroundTruth.HashOf(python[t.Key], volatileFields)));

        // The push path took part: changes announced because OpenStack said so, not only by polls.
        Assert.True(sources.GetValueOrDefault("notification") > 0, $"No {type} change came from the push path: {string.Join(", ", sources)}.");
    }

    private async Task<ChurnScript> ChurnAsync()
    {
        var control = _simulator.Control;
        var servers = (await control.GetServersAsync()).Select(s => (s.GetProperty("id").GetString()!, s.GetProperty("status").GetString()!));
        var volumes = (await control.GetVolumesAsync()).Select(v => (v.GetProperty("id").GetString()!, v.GetProperty("status").GetString()!, v.GetProperty("size").GetInt32()));
        var stacks = (await control.GetStacksAsync()).Select(s => s.GetProperty("id").GetString()!);
        return new ChurnScript(control, seed: 1000, servers, volumes, stacks);
    }

    private async Task WaitForFirstPollsAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var types = await _client.Rpc.ListTypesAsync(cancellationToken);
            if (Types.All(t => types.Any(s => s.EntityType == t && s.LastPollStatus == "ok")))
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    // A follower that stops with an error would never reach its revision: surface the error instead.
    private static async Task WaitForRevisionsAsync(List<ReplicaFollower> followers, Dictionary<string, long> targets, Task[] runs, CancellationToken cancellationToken)
    {
        var reached = Task.WhenAll(followers.Select(f => f.WaitForRevisionAsync(targets[f.EntityType], cancellationToken)));
        if (await Task.WhenAny(reached, Task.WhenAny(runs)) != reached)
        {
            await Task.WhenAll(runs);
        }

        await reached;
    }
}
