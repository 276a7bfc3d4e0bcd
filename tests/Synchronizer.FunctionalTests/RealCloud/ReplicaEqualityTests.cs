using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Synchronizer.Client;
using Synchronizer.Client.Replication;
using Synchronizer.FunctionalTests.Infrastructure;
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
            await using var client = await SynchronizerClient.ConnectAsync(new SynchronizerClientOptions
            {
                TransportUrl = TestBroker.TransportUrl,
                ControlExchange = exchange,
                RpcTopic = synchronizer.RpcTopic,
                PageSize = 3,
                RpcTimeout = Patience,
            });
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

                    Assert.Equal(truth, followers[type].Entities.ToDictionary(e => e.Key, e => e.Value.Hash).OrderBy(e => e.Key, StringComparer.Ordinal));
                    Assert.All(followers[type].Entities.Values, e => Assert.Equal(EntityHashes.Of(e.Entity), e.Hash));
                    Assert.Equal(truth, listeners[type].Entities.ToDictionary(e => e.Key, e => e.Value.Hash).OrderBy(e => e.Key, StringComparer.Ordinal));
                    Assert.Empty(listeners[type].Problems);
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
}
