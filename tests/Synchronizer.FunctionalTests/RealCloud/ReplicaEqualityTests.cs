using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Synchronizer.Client;
using Synchronizer.Client.Replication;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.FunctionalTests.Rpc;
using Synchronizer.Plugins.Abstractions;
using Xunit.Abstractions;

namespace Synchronizer.FunctionalTests.RealCloud;

/// <summary>
/// CONTRACT §5 against the real cloud: a .NET consumer (Synchronizer.Client) and a Python oslo.messaging
/// listener follow every built-in type while servers, volumes and stacks change; once the cloud is
/// quiet and a poll has completed, both replicas equal what the APIs list, entity for entity and hash for hash.
/// </summary>
[Trait("Category", "RealCloud")]
[Collection(RealCloudTests.Name)]
public sealed class ReplicaEqualityTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly RealCloudFixture _fixture;
    private readonly ITestOutputHelper _output;

    public ReplicaEqualityTests(RealCloudFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public async Task ClientAndOsloListener_AfterTheCloudChangedAndSettled_ReplicasEqualTheApis()
    {
        var admin = _fixture.Admin;
        await QuietCloud.WaitAsync(admin);
        var exchange = TestBroker.UniqueExchange();

        // The listener's replica is built from notifications alone: its pool must be bound before the first poll publishes.
        var listeners = new Dictionary<string, OsloListenerReplica>(StringComparer.Ordinal);
        foreach (var (type, listener) in await Task.WhenAll(RealCloudTypes.All.Select(async t => (t, await OsloListenerReplica.StartAsync(exchange, t)))))
        {
            listeners[type] = listener;
        }

        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["openstack_notifications:enabled"] = "true",
                ["nova:page_size"] = "3",
                ["cinder:page_size"] = "3",
                ["heat:page_size"] = "3",
            };
            await using var synchronizer = await RealSynchronizer.StartAsync(_fixture.Cloud, exchange, settings);
            await synchronizer.WaitForFirstPollsAsync();
            using var clientLogs = new RecordingLoggerProvider();
            using var loggers = LoggerFactory.Create(b => b.AddProvider(clientLogs));
            await using var client = await SynchronizerClient.ConnectAsync(
                new SynchronizerClientOptions
                {
                    TransportUrl = TestBroker.TransportUrl,
                    ControlExchange = exchange,
                    RpcTopic = synchronizer.RpcTopic,
                    PageSize = 3,
                    RpcTimeout = Patience,
                },
                loggers);
            using var stop = new CancellationTokenSource();
            var followers = new Dictionary<string, ReplicaFollower>(StringComparer.Ordinal);
            var runs = new List<Task>();
            try
            {
                foreach (var type in RealCloudTypes.All)
                {
                    followers[type] = await client.FollowAsync(type);
                    runs.Add(followers[type].RunAsync(stop.Token));
                }

                await ChangeTheCloudAsync();
                await QuietCloud.WaitAsync(admin);
                var synced = await client.Rpc.SyncAsync(wait: true);
                Assert.All(synced, r => Assert.True(r.Status == "ok", $"sync of {r.EntityType}: {r.Status} {r.Error}"));

                var hashes = new EntityHashes(synchronizer.Services.GetServices<IEntityPoller>());
                foreach (var status in await client.Rpc.ListTypesAsync())
                {
                    var type = status.EntityType;
                    await followers[type].WaitForRevisionAsync(status.Revision).WaitAsync(Patience);
                    await listeners[type].WaitForRevisionAsync(status.Revision, Patience);
                    var truth = hashes.OfAll(type, await admin.ListAsync(type)).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
                    RealCloudReport.Write(_output, $"replica {type}: {truth.Count} entities at revision {status.Revision}");

                    // The service first, so that a difference says which side lost the cloud.
                    var service = synchronizer.Type(type).Current;
                    Assert.Equal(status.Revision, service.Revision);
                    Assert.Equal(truth, service.Entities.Select(e => KeyValuePair.Create(e.Key, e.Value.Hash.ToString())));
                    AssertSameReplica(truth, followers[type].Entities.ToDictionary(e => e.Key, e => e.Value.Hash), $"Synchronizer.Client at r{followers[type].Revision}", clientLogs.Lines);
                    Assert.All(followers[type].Entities.Values, e => Assert.Equal(EntityHashes.Of(e.Entity), e.Hash));
                    AssertSameReplica(truth, listeners[type].Entities.ToDictionary(e => e.Key, e => e.Value.Hash), $"oslo listener at r{listeners[type].Revision}", listeners[type].Problems);
                }
            }
            finally
            {
                await stop.CancelAsync();
                foreach (var run in runs)
                {
                    await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
                }

                foreach (var follower in followers.Values)
                {
                    await follower.DisposeAsync();
                }
            }
        }
        finally
        {
            foreach (var listener in listeners.Values)
            {
                listener.Dispose();
            }
        }
    }

    // One of each change the tier covers, in project demo, ending with a server, a stack and no volume of this test.
    private async Task ChangeTheCloudAsync()
    {
        var demo = _fixture.Demo;
        var stackName = _fixture.NewName("stack");
        var serverId = await demo.Nova.CreateServerAsync(_fixture.NewName("vm"));
        var volumeId = await demo.Cinder.CreateVolumeAsync(_fixture.NewName("vol"));
        var stackId = await demo.Heat.CreateStackAsync(stackName, length: 6);
        await demo.Nova.WaitForServerAsync(serverId, s => Text(s, "status") == "ACTIVE", Patience, "to become ACTIVE");
        await demo.Cinder.WaitForVolumeAsync(volumeId, v => Text(v, "status") == "available", Patience, "to become available");
        await demo.Heat.WaitForStackAsync(stackId, s => Text(s, "stack_status") == "CREATE_COMPLETE", Patience, "to be created");

        await demo.Nova.RenameServerAsync(serverId, _fixture.NewName("vm-renamed"));
        await demo.Cinder.DeleteVolumeAsync(volumeId);
        await demo.Heat.UpdateStackAsync(stackName, stackId, length: 9);
        await demo.Heat.WaitForStackAsync(stackId, s => Text(s, "stack_status") == "UPDATE_COMPLETE", Patience, "to be updated");
        await demo.Cinder.WaitForVolumeAsync(volumeId, v => v is null, Patience, "to be deleted");
    }

    private static string? Text(JsonElement? entity, string name) => entity?.GetProperty(name).GetString();

    private static void AssertSameReplica(List<KeyValuePair<string, string>> truth, Dictionary<string, string> replica, string who, IReadOnlyList<string> notes)
    {
        var missing = truth.Where(e => !replica.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        var extra = replica.Keys.Where(id => truth.All(e => e.Key != id)).ToList();
        var differ = truth.Where(e => replica.TryGetValue(e.Key, out var hash) && hash != e.Value).Select(e => e.Key).ToList();
        Assert.True(
            missing.Count + extra.Count + differ.Count == 0,
            $"{who}: missing [{string.Join(", ", missing)}], extra [{string.Join(", ", extra)}], other hash [{string.Join(", ", differ)}]; its log: {string.Join(" | ", notes)}");
    }
}
