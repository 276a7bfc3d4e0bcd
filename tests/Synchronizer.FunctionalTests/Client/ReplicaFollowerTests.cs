using Microsoft.Extensions.DependencyInjection;
using Synchronizer.Client;
using Synchronizer.Client.Replication;
using Synchronizer.FunctionalTests.Infrastructure;
using Synchronizer.FunctionalTests.Rpc;

namespace Synchronizer.FunctionalTests.Client;

/// <summary>
/// The .NET client follows a type end to end on a real broker: the real RPC server (with a scripted
/// dispatcher) answers get_all, get_changes and reconcile, and the service's own publisher sends the
/// notifications. After each scene the replica equals the scripted state, entity for entity and hash
/// for hash (CONTRACT §5).
/// </summary>
[Trait("Category", "Functional")]
[Collection(BrokerTests.Name)]
public sealed class ReplicaFollowerTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private RpcServerHarness _server = null!;
    private ScriptedSynchronizer _synchronizer = null!;
    private SynchronizerClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await RpcServerHarness.StartAsync(services => new ScriptedSynchronizer(services.GetRequiredService<Core.Publishing.IChangePublisher>()));
        _synchronizer = (ScriptedSynchronizer)_server.Services.GetRequiredService<Messaging.Rpc.IRpcDispatcher>();
        _client = await SynchronizerClient.ConnectAsync(new SynchronizerClientOptions
        {
            TransportUrl = TestBroker.TransportUrl,
            ControlExchange = _server.Exchange,
            RpcTopic = _server.Topic,
            PageSize = 7,
            RpcTimeout = Patience,
        });
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task FollowAsync_SnapshotThenNotifications_ReplicaEqualsTheService()
    {
        for (var i = 0; i < 30; i++)
        {
            await _synchronizer.UpsertAsync($"server-{i:D3}", "seed");
        }

        await using var follower = await _client.FollowAsync(ScriptedSynchronizer.Type);
        AssertReplicaEqualsService(follower);
        Assert.Equal(30, follower.Revision);

        using var stop = new CancellationTokenSource();
        var changes = new List<ReplicaChange>();
        var reading = ReadAllAsync(follower, changes, stop.Token);
        await _synchronizer.UpsertAsync("server-003", "renamed");
        await _synchronizer.DeleteAsync("server-007");
        var last = await _synchronizer.UpsertAsync("server-100", "new");
        await follower.WaitForRevisionAsync(last.Revision).WaitAsync(Patience);
        await WaitForChangesAsync(changes, 3);
        await stop.CancelAsync();
        await reading;

        AssertReplicaEqualsService(follower);
        Assert.Equal(
            [("server-003", ReplicaChangeKind.Updated), ("server-007", ReplicaChangeKind.Deleted), ("server-100", ReplicaChangeKind.Created)],
            changes.Select(c => (c.Id, c.Kind)));
        Assert.All(changes, c => Assert.Equal(ChangeOrigin.Notification, c.Origin));
        Assert.Equal(["name"], changes[0].ChangedFields);
    }

    [Fact]
    public async Task FollowAsync_LostNotifications_GapFilledFromTheChangeLog()
    {
        await _synchronizer.UpsertAsync("a", "1");
        await using var follower = await _client.FollowAsync(ScriptedSynchronizer.Type);
        using var stop = new CancellationTokenSource();
        var changes = new List<ReplicaChange>();
        var reading = ReadAllAsync(follower, changes, stop.Token);

        await _synchronizer.UpsertAsync("b", "1", publish: false);
        await _synchronizer.DeleteAsync("a", publish: false);
        var last = await _synchronizer.UpsertAsync("c", "1");
        await follower.WaitForRevisionAsync(last.Revision).WaitAsync(Patience);
        await WaitForChangesAsync(changes, 3);
        await stop.CancelAsync();
        await reading;

        AssertReplicaEqualsService(follower);
        Assert.Equal([ChangeOrigin.ChangeLog, ChangeOrigin.ChangeLog, ChangeOrigin.ChangeLog], changes.Select(c => c.Origin));
    }

    [Fact]
    public async Task FollowAsync_GapOlderThanTheChangeLog_TakesANewSnapshot()
    {
        for (var i = 0; i < 10; i++)
        {
            await _synchronizer.UpsertAsync($"s{i}", "1");
        }

        await using var follower = await _client.FollowAsync(ScriptedSynchronizer.Type);
        using var stop = new CancellationTokenSource();
        var changes = new List<ReplicaChange>();
        var reading = ReadAllAsync(follower, changes, stop.Token);

        await _synchronizer.DeleteAsync("s1", publish: false);
        await _synchronizer.UpsertAsync("s2", "2", publish: false);
        _synchronizer.ForgetChangeLog();
        var last = await _synchronizer.UpsertAsync("s3", "2");
        await follower.WaitForRevisionAsync(last.Revision).WaitAsync(Patience);
        await WaitForChangesAsync(changes, 3);
        await stop.CancelAsync();
        await reading;

        AssertReplicaEqualsService(follower);
        Assert.All(changes, c => Assert.Equal(ChangeOrigin.Snapshot, c.Origin));
        Assert.Equal(["s1", "s2", "s3"], changes.Select(c => c.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FollowAsync_PersistedReplica_ReconcilesToTheService()
    {
        for (var i = 0; i < 12; i++)
        {
            await _synchronizer.UpsertAsync($"r{i:D2}", "1");
        }

        IReadOnlyCollection<ReplicaEntity> persisted;
        await using (var first = await _client.FollowAsync(ScriptedSynchronizer.Type))
        {
            persisted = [.. first.Entities.Values];
        }

        // While the consumer was away: one changed, one deleted, one created.
        await _synchronizer.UpsertAsync("r05", "2");
        await _synchronizer.DeleteAsync("r06");
        await _synchronizer.UpsertAsync("r99", "1");

        await using var follower = await _client.FollowAsync(ScriptedSynchronizer.Type, new FollowOptions { PersistedReplica = persisted });
        AssertReplicaEqualsService(follower);
        using var stop = new CancellationTokenSource(Patience);
        var reconciled = new List<ReplicaChange>();
        await foreach (var change in follower.ReadChangesAsync(stop.Token))
        {
            reconciled.Add(change);
            if (reconciled.Count == 3)
            {
                break;
            }
        }

        Assert.Equal(
            [("r05", ReplicaChangeKind.Updated), ("r06", ReplicaChangeKind.Deleted), ("r99", ReplicaChangeKind.Created)],
            reconciled.Select(c => (c.Id, c.Kind)).OrderBy(c => c.Id, StringComparer.Ordinal));
        Assert.All(reconciled, c => Assert.Equal(ChangeOrigin.Reconcile, c.Origin));
    }

    [Fact]
    public async Task FollowAsync_TwoFollowers_EachGetsEveryNotification()
    {
        await using var one = await _client.FollowAsync(ScriptedSynchronizer.Type);
        await using var two = await _client.FollowAsync(ScriptedSynchronizer.Type, new FollowOptions { Pool = $"pool-{Guid.NewGuid():N}" });
        using var stop = new CancellationTokenSource();
        var runs = new[] { one.RunAsync(stop.Token), two.RunAsync(stop.Token) };

        var last = 0L;
        for (var i = 0; i < 20; i++)
        {
            last = (await _synchronizer.UpsertAsync($"x{i % 5}", $"{i}")).Revision;
        }

        await Task.WhenAll(one.WaitForRevisionAsync(last), two.WaitForRevisionAsync(last)).WaitAsync(Patience);
        await stop.CancelAsync();
        foreach (var run in runs)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }

        AssertReplicaEqualsService(one);
        AssertReplicaEqualsService(two);
    }

    [Trait(BrokerRestart.Trait, BrokerRestart.Value)]
    [Fact]
    public async Task FollowAsync_BrokerRestarts_CatchesUpAndEqualsTheService()
    {
        for (var i = 0; i < 5; i++)
        {
            await _synchronizer.UpsertAsync($"b{i}", "1");
        }

        await using var follower = await _client.FollowAsync(ScriptedSynchronizer.Type);
        using var stop = new CancellationTokenSource();
        var changes = new List<ReplicaChange>();
        var reading = ReadAllAsync(follower, changes, stop.Token);

        // The follower's own queue dies with the node: what is published meanwhile comes from the change log.
        await BrokerNode.CtlAsync("stop_app");
        await _synchronizer.UpsertAsync("b1", "while-down", publish: false);
        await _synchronizer.DeleteAsync("b2", publish: false);
        await BrokerNode.CtlAsync("start_app");
        await BrokerNode.CtlAsync("await_startup");

        // No notification tells the follower about r6 and r7: its catch-up after the reconnection does.
        await follower.WaitForRevisionAsync(7).WaitAsync(TimeSpan.FromSeconds(60));
        var last = await PublishWhenTheBrokerIsBackAsync("b9");
        await follower.WaitForRevisionAsync(last).WaitAsync(TimeSpan.FromSeconds(60));
        await WaitForChangesAsync(changes, 3);
        await stop.CancelAsync();
        await reading;

        AssertReplicaEqualsService(follower);
        Assert.Equal(["b1", "b2", "b9"], changes.Select(c => c.Id).Order(StringComparer.Ordinal));
    }

    private async Task<long> PublishWhenTheBrokerIsBackAsync(string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var change = await _synchronizer.UpsertAsync(id, "after-restart", publish: false);
        while (true)
        {
            try
            {
                await _server.Services.GetRequiredService<Core.Publishing.IChangePublisher>().PublishAsync([change], CancellationToken.None);
                return change.Revision;
            }
            catch (Messaging.Rabbit.MessagingException) when (DateTime.UtcNow < deadline)
            {
                // The publisher's connection is still coming back.
                await Task.Delay(250);
            }
        }
    }

    // A change the follower has applied (WaitForRevisionAsync) may still be on its way to the reader:
    // wait for the count the test expects before cancelling the reader, or give up and let the
    // assertions show what arrived.
    private static async Task WaitForChangesAsync(List<ReplicaChange> changes, int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            lock (changes)
            {
                if (changes.Count >= count)
                {
                    return;
                }
            }

            await Task.Delay(20);
        }
    }

    private static async Task ReadAllAsync(ReplicaFollower follower, List<ReplicaChange> changes, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in follower.ReadChangesAsync(cancellationToken))
            {
                lock (changes)
                {
                    changes.Add(change);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the test.
        }
    }

    private void AssertReplicaEqualsService(ReplicaFollower follower)
    {
        var truth = _synchronizer.Current;
        Assert.Equal(truth.Revision, follower.Revision);
        Assert.Equal(
            truth.Entities.Values.Select(e => (e.Id, e.Hash.ToString(), e.Revision)),
            follower.Entities.Values.Select(e => (e.Id, e.Hash, e.Revision)).OrderBy(e => e.Id, StringComparer.Ordinal));
    }
}
