using System.Text.Json;
using Synchronizer.Core.Polling;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.Simulator.Faults;
using Synchronizer.Simulator.Hosting;

namespace Synchronizer.FunctionalTests.EndToEnd;

/// <summary>The first real path: simulator (Keystone + Nova over HTTP) → poll → change detection → RabbitMQ.</summary>
[Trait("Category", "Functional")]
[Collection(BrokerTests.Name)]
public sealed class NovaToRabbitTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private SimulatorServer _simulator = null!;
    private SynchronizerHarness _synchronizer = null!;
    private NotificationRecorder _recorder = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorServer.StartAsync(new SimulatorOptions(), CancellationToken.None);
        _synchronizer = SynchronizerHarness.Create(_simulator);
        _recorder = await NotificationRecorder.StartAsync(TestBroker.TransportUrl, _synchronizer.Exchange, "synchronizer.nova.instance.info");
    }

    public async Task DisposeAsync()
    {
        await _recorder.DisposeAsync();
        await _synchronizer.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task Poll_SeededThenChanged_PublishesCreatesThenExactlyTheThreeChanges()
    {
        await _simulator.Control.SeedServersAsync(2500);

        var first = await _synchronizer.PollInstancesAsync();
        var creates = await _recorder.WaitForAsync(2500, Patience);

        Assert.Equal(2500, first.Listed);
        Assert.Equal(Enumerable.Range(1, 2500).Select(i => (long)i), creates.Select(n => n.Revision));
        Assert.All(creates, n => Assert.Equal("nova.instance.create", n.EventType));
        Assert.All(creates, AssertOsloNotificationShape);
        var truth = await GroundTruthAsync();
        Assert.Equal(truth.Keys.Order(StringComparer.Ordinal), creates.Select(n => n.Id).Order(StringComparer.Ordinal));

        var ids = truth.Keys.Order(StringComparer.Ordinal).ToArray();
        await _simulator.Control.UpdateServerAsync(ids[10], status: "SHUTOFF");
        await _simulator.Control.DeleteServerAsync(ids[20]);
        var created = await _simulator.Control.CreateServerAsync("new-server");

        await _synchronizer.PollInstancesAsync();
        var all = await _recorder.WaitForAsync(2503, Patience);
        await Task.Delay(500);

        Assert.Equal(2503, _recorder.Received.Count);
        var changes = all.Skip(2500).ToArray();
        Assert.Equal([2501L, 2502L, 2503L], changes.Select(n => n.Revision));
        var byId = changes.ToDictionary(n => n.Id);
        Assert.Equal("nova.instance.update", byId[ids[10]].EventType);
        Assert.Equal("nova.instance.delete", byId[ids[20]].EventType);
        Assert.Equal("nova.instance.create", byId[created].EventType);

        var changedFields = byId[ids[10]].Payload.GetProperty("changed_fields").EnumerateArray().Select(f => f.GetString()).ToArray();
        Assert.Contains("status", changedFields);
        Assert.Contains("OS-EXT-STS:vm_state", changedFields);
        Assert.DoesNotContain("updated", changedFields);

        truth = await GroundTruthAsync();
        AssertFullEntity(truth[ids[10]], byId[ids[10]]);
        AssertFullEntity(truth[created], byId[created]);
        Assert.Equal(ids[20], byId[ids[20]].Payload.GetProperty("entity").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Poll_SecondPageFails_PublishesNothingAndChangesNothing()
    {
        await _simulator.Control.SeedServersAsync(2500);
        await _synchronizer.PollInstancesAsync();
        await _recorder.WaitForAsync(2500, Patience);
        var ids = (await GroundTruthAsync()).Keys.Order(StringComparer.Ordinal).ToArray();
        await _simulator.Control.UpdateServerAsync(ids[0], status: "SHUTOFF");
        await _simulator.Control.DeleteServerAsync(ids[1]);
        // Until cleared: the client retries a 500, so a one-off fault would be absorbed (and that is right).
        await _simulator.Control.InjectFaultAsync(
            new FaultRule("status", Service: "compute", PathContains: "/servers/detail", QueryContains: "marker=", Status: 500, Times: null));

        var failure = await Assert.ThrowsAsync<PollFailedException>(_synchronizer.PollInstancesAsync);
        await Task.Delay(1000);

        Assert.Contains("500", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2500, _recorder.Received.Count);
        Assert.Equal(2500, _synchronizer.Instances.Current.Revision);
        Assert.Equal(2500, _synchronizer.Instances.Current.Entities.Count);
        Assert.Equal("failed", _synchronizer.Instances.Status.LastPollStatus);

        await _simulator.Control.ClearFaultsAsync();
        await _synchronizer.PollInstancesAsync();
        var after = await _recorder.WaitForAsync(2502, Patience);

        Assert.Equal([2501L, 2502L], after.Skip(2500).Select(n => n.Revision));
    }

    private static void AssertOsloNotificationShape(ReceivedNotification notification)
    {
        Assert.Equal("synchronizer.nova.instance.info", notification.RoutingKey);
        Assert.Equal("application/json", notification.ContentType);
        Assert.Equal("utf-8", notification.ContentEncoding);
        Assert.True(notification.Persistent);
        Assert.Equal("INFO", notification.Message.GetProperty("priority").GetString());
        Assert.Equal("synchronizer.functional-test", notification.Message.GetProperty("publisher_id").GetString());
        Assert.Matches("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}$", notification.Message.GetProperty("timestamp").GetString());
        Assert.Matches("^xxh3-64:[0-9a-f]{16}$", notification.Payload.GetProperty("hash").GetString());
        Assert.Equal("poll", notification.Payload.GetProperty("source").GetString());
        Assert.Equal(notification.Id, notification.Payload.GetProperty("entity").GetProperty("id").GetString());
    }

    private static void AssertFullEntity(JsonElement truth, ReceivedNotification notification)
    {
        var entity = notification.Payload.GetProperty("entity");
        var keys = entity.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        // The ground truth is rendered at the base microversion; the poll asks for 2.79, which only adds keys.
        Assert.Subset(keys, truth.EnumerateObject().Select(p => p.Name).Where(k => k is not ("updated" or "progress")).ToHashSet(StringComparer.Ordinal));
        Assert.DoesNotContain("updated", keys);
        Assert.Contains("tags", keys);
        Assert.Equal(truth.GetProperty("status").GetString(), entity.GetProperty("status").GetString());
        Assert.Equal(truth.GetProperty("name").GetString(), entity.GetProperty("name").GetString());
    }

    private async Task<Dictionary<string, JsonElement>> GroundTruthAsync()
    {
        var servers = await _simulator.Control.GetServersAsync();
        return servers.ToDictionary(s => s.GetProperty("id").GetString()!);
    }
}
