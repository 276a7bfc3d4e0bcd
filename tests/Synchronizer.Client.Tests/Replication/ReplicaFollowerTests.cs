using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Synchronizer.Client.Replication;
using Synchronizer.Client.Rpc;

namespace Synchronizer.Client.Tests.Replication;

public sealed class ReplicaFollowerTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(1);
    private readonly FakeSynchronizer _server = new();
    private readonly FakeSubscription _subscription = new();

    [Fact]
    public async Task StartAsync_Snapshot_ReadsEveryPageAtThePinnedRevision()
    {
        for (var i = 0; i < 7; i++)
        {
            _server.Upsert($"id-{i}", "a");
        }

        await using var follower = await CreateSutAsync(pageSize: 3);

        Assert.Equal(7, follower.Revision);
        Assert.Equal(_server.Entities.Keys, follower.Entities.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3, _server.GetAllCalls);
    }

    [Fact]
    public async Task ReadChangesAsync_NotificationsBufferedDuringTheSnapshot_SkipsThoseItHasAndAppliesTheRest()
    {
        _server.Upsert("a", "1");
        _server.BeforeGetAll = (server, marker) =>
        {
            // Published (and buffered by the subscription) while the snapshot is read: r2 before the pin, r3 after it.
            if (marker is null)
            {
                _subscription.Deliver(server.Upsert("b", "1"));
            }
            else
            {
                _subscription.Deliver(server.Upsert("c", "1"));
            }
        };
        _server.Upsert("z", "1");
        await using var follower = await CreateSutAsync(pageSize: 2);
        Assert.Equal(3, follower.Revision);
        _server.BeforeGetAll = null;

        await using var changes = follower.ReadChangesAsync().GetAsyncEnumerator();
        var change = await NextAsync(changes);

        Assert.Equal(("c", 4L, ReplicaChangeKind.Created, ChangeOrigin.Notification), (change.Id, change.Revision, change.Kind, change.Origin));
        Assert.Equal(4, follower.Revision);
        Assert.Equal(2, _subscription.Acknowledged);
        Assert.Equal(0, _server.GetChangesCalls);
    }

    [Fact]
    public async Task ReadChangesAsync_InOrder_AppliesCreateUpdateDelete()
    {
        await using var follower = await CreateSutAsync();
        _subscription.Deliver(_server.Upsert("a", "1"));
        _subscription.Deliver(_server.Upsert("a", "2"));
        _subscription.Deliver(_server.Delete("a"));

        await using var changes = follower.ReadChangesAsync().GetAsyncEnumerator();
        var created = await NextAsync(changes);
        var updated = await NextAsync(changes);
        var deleted = await NextAsync(changes);

        Assert.Equal([ReplicaChangeKind.Created, ReplicaChangeKind.Updated, ReplicaChangeKind.Deleted], new[] { created.Kind, updated.Kind, deleted.Kind });
        Assert.Equal("2", updated.Entity!.Entity.GetProperty("name").GetString());
        Assert.Equal("1", updated.Previous!.Entity.GetProperty("name").GetString());
        Assert.Equal(["name"], updated.ChangedFields);
        Assert.Null(deleted.Entity);
        Assert.Equal("h:a:2", deleted.Previous!.Hash);
        Assert.Empty(follower.Entities);
        Assert.Equal(3, follower.Revision);
    }

    [Fact]
    public async Task ReadChangesAsync_Duplicates_AreSkippedAndAcknowledged()
    {
        await using var follower = await CreateSutAsync();
        var first = _server.Upsert("a", "1");
        var second = _server.Upsert("b", "1");
        _subscription.Deliver(first);
        _subscription.Deliver(first);
        _subscription.Deliver(second);
        _subscription.Deliver(first);
        _subscription.Deliver(second);
        var third = _server.Upsert("c", "1");
        _subscription.Deliver(third);

        await using var changes = follower.ReadChangesAsync().GetAsyncEnumerator();
        var seen = new[] { await NextAsync(changes), await NextAsync(changes), await NextAsync(changes) };

        Assert.Equal(["a", "b", "c"], seen.Select(c => c.Id));
        Assert.Equal(6, _subscription.Acknowledged);
        Assert.Equal(0, _server.GetChangesCalls);
    }

    [Fact]
    public async Task ReadChangesAsync_Gap_IsFilledFromTheChangeLog()
    {
        await using var follower = await CreateSutAsync();
        _subscription.Deliver(_server.Upsert("a", "1"));
        _server.Upsert("b", "1");
        _server.Upsert("a", "2");
        _subscription.Deliver(_server.Delete("b"));

        await using var changes = follower.ReadChangesAsync().GetAsyncEnumerator();
        var seen = new[] { await NextAsync(changes), await NextAsync(changes), await NextAsync(changes), await NextAsync(changes) };

        Assert.Equal([1L, 2L, 3L, 4L], seen.Select(c => c.Revision));
        // The log's answer reaches r4 too, so the notification of r4 comes as a duplicate.
        Assert.Equal([ChangeOrigin.Notification, ChangeOrigin.ChangeLog, ChangeOrigin.ChangeLog, ChangeOrigin.ChangeLog], seen.Select(c => c.Origin));
        Assert.Equal(1, _server.GetChangesCalls);
        AssertReplicaEqualsServer(follower);
    }

    [Fact]
    public async Task ReadChangesAsync_GapLongerThanAPage_ReadsTheLogPageByPage()
    {
        await using var follower = await CreateSutAsync(pageSize: 2);
        for (var i = 0; i < 5; i++)
        {
            _server.Upsert($"id-{i}", "1");
        }

        _subscription.Deliver(_server.Upsert("last", "1"));

        await using var changes = follower.ReadChangesAsync().GetAsyncEnumerator();
        for (var i = 0; i < 6; i++)
        {
            await NextAsync(changes);
        }

        Assert.Equal(6, follower.Revision);
        Assert.Equal(3, _server.GetChangesCalls);
    }

    [Fact]
    public async Task ReadChangesAsync_GapOlderThanTheRetainedLog_TakesANewSnapshotAndYieldsTheDifference()
    {
        _server.Upsert("kept", "1");
        _server.Upsert("changed", "1");
        _server.Upsert("gone", "1");
        await using var follower = await CreateSutAsync();
        _server.Upsert("changed", "2");
        _server.Delete("gone");
        _server.Upsert("new", "1");
        _server.Forget(_server.Revision);
        _subscription.Deliver(_server.Upsert("newest", "1"));

        await using var changes = follower.ReadChangesAsync().GetAsyncEnumerator();
        var seen = new[] { await NextAsync(changes), await NextAsync(changes), await NextAsync(changes), await NextAsync(changes) };

        Assert.Equal(
            [("changed", ReplicaChangeKind.Updated), ("new", ReplicaChangeKind.Created), ("newest", ReplicaChangeKind.Created), ("gone", ReplicaChangeKind.Deleted)],
            seen.Select(c => (c.Id, c.Kind)));
        Assert.All(seen, c => Assert.Equal(ChangeOrigin.Snapshot, c.Origin));
        Assert.All(seen, c => Assert.Equal(7L, c.Revision));
        Assert.Equal(2, _server.GetAllCalls);
        AssertReplicaEqualsServer(follower);
    }

    [Theory]
    [InlineData("timeout")]
    [InlineData("undeliverable")]
    public async Task ReadChangesAsync_PassingFailureWhileFillingAGap_RetriesAndLosesNoChange(string failure)
    {
        await using var follower = await CreateSutAsync(pageSize: 1);
        _server.Upsert("a", "1");
        _server.Upsert("b", "1");
        _subscription.Deliver(_server.Upsert("c", "1"));
        _server.FailNextGetChanges = (2, failure == "timeout"
            ? new TimeoutException("no answer")
            : new SynchronizerRpcException(RpcErrorClasses.MessageUndeliverable, "not listening yet"));

        await using var changes = follower.ReadChangesAsync().GetAsyncEnumerator();
        var seen = new[] { await NextAsync(changes), await NextAsync(changes), await NextAsync(changes) };

        Assert.Equal(["a", "b", "c"], seen.Select(c => c.Id));
        AssertReplicaEqualsServer(follower);
    }

    [Fact]
    public async Task ReadChangesAsync_ContractFailureWhileFillingAGap_EndsTheStream()
    {
        await using var follower = await CreateSutAsync();
        _server.Upsert("a", "1");
        _subscription.Deliver(_server.Upsert("b", "1"));
        _server.FailNextGetChanges = (1, new SynchronizerRpcException(RpcErrorClasses.UnknownEntityType, "type disabled"));

        await using var changes = follower.ReadChangesAsync().GetAsyncEnumerator();

        var error = await Assert.ThrowsAsync<SynchronizerRpcException>(async () => await changes.MoveNextAsync());
        Assert.Equal(RpcErrorClasses.UnknownEntityType, error.ClassName);
    }

    [Fact]
    public async Task ReadChangesAsync_CatchUpAfterReconnection_AppliesTheChangeLogWithoutANotification()
    {
        await using var follower = await CreateSutAsync();
        _server.Upsert("a", "1");
        _server.Upsert("b", "1");
        _subscription.CatchUp();

        await using var changes = follower.ReadChangesAsync().GetAsyncEnumerator();
        var seen = new[] { await NextAsync(changes), await NextAsync(changes) };

        Assert.Equal(["a", "b"], seen.Select(c => c.Id));
        Assert.All(seen, c => Assert.Equal(ChangeOrigin.ChangeLog, c.Origin));
        Assert.Equal(0, _subscription.Acknowledged);
    }

    [Fact]
    public async Task ReadChangesAsync_DeleteOfAnEntityNeverSeen_OnlyMovesTheRevision()
    {
        await using var follower = await CreateSutAsync();
        var created = _server.Upsert("a", "1");
        var deleted = _server.Delete("a");
        _subscription.Deliver(deleted with { Revision = 1 });
        _subscription.Deliver(_server.Upsert("b", "1") with { Revision = 2 });
        _ = created;

        await using var changes = follower.ReadChangesAsync().GetAsyncEnumerator();
        var change = await NextAsync(changes);

        Assert.Equal(("b", 2L), (change.Id, change.Revision));
    }

    [Fact]
    public async Task ReadChangesAsync_NotificationOfAnotherType_IsIgnored()
    {
        await using var follower = await CreateSutAsync();
        _subscription.Deliver(_server.Upsert("x", "1") with { EntityType = "cinder.volume", Revision = 1 });
        _subscription.Deliver(_server.Upsert("a", "1") with { Revision = 1 });

        await using var changes = follower.ReadChangesAsync().GetAsyncEnumerator();

        Assert.Equal("a", (await NextAsync(changes)).Id);
    }

    [Fact]
    public async Task StartAsync_PersistedReplica_ReconcilesAndYieldsItsChangesFirst()
    {
        var same = _server.Upsert("same", "1");
        _server.Upsert("stale", "2");
        _server.Upsert("missing", "1");
        var persisted = new[]
        {
            new ReplicaEntity("same", same.Revision, same.Hash, same.Entity),
            new ReplicaEntity("stale", 1, "h:stale:1", same.Entity),
            new ReplicaEntity("deleted-meanwhile", 1, "h:x", same.Entity),
        };

        await using var follower = await CreateSutAsync(new FollowOptions { PersistedReplica = persisted });
        _subscription.Deliver(_server.Upsert("after", "1"));
        await using var changes = follower.ReadChangesAsync().GetAsyncEnumerator();
        var seen = new[] { await NextAsync(changes), await NextAsync(changes), await NextAsync(changes), await NextAsync(changes) };

        Assert.Equal(0, _server.GetAllCalls);
        Assert.Equal(
            [("missing", ReplicaChangeKind.Created, ChangeOrigin.Reconcile), ("stale", ReplicaChangeKind.Updated, ChangeOrigin.Reconcile),
             ("deleted-meanwhile", ReplicaChangeKind.Deleted, ChangeOrigin.Reconcile), ("after", ReplicaChangeKind.Created, ChangeOrigin.Notification)],
            seen.Select(c => (c.Id, c.Kind, c.Origin)));
        AssertReplicaEqualsServer(follower);
    }

    [Fact]
    public async Task StartAsync_SnapshotExpiresWhilePaging_StartsOver()
    {
        for (var i = 0; i < 4; i++)
        {
            _server.Upsert($"id-{i}", "1");
        }

        _server.ExpireSnapshots = 2;

        await using var follower = await CreateSutAsync(pageSize: 2);

        Assert.Equal(4, follower.Entities.Count);
        Assert.Equal(2 + 2 + 2, _server.GetAllCalls);
    }

    [Fact]
    public async Task StartAsync_PageOfAnotherRevision_StartsOver()
    {
        for (var i = 0; i < 4; i++)
        {
            _server.Upsert($"id-{i}", "1");
        }

        _server.BeforeGetAll = (server, marker) =>
        {
            if (marker is null && server.GetAllCalls == 1)
            {
                server.MoveSnapshotOnce = true;
                server.Upsert("late", "1");
            }
        };

        await using var follower = await CreateSutAsync(pageSize: 2);

        Assert.Equal(5, follower.Revision);
        AssertReplicaEqualsServer(follower);
    }

    [Fact]
    public async Task StartAsync_SnapshotNeverConsistent_GivesUpWithSnapshotExpired()
    {
        _server.Upsert("a", "1");
        _server.Upsert("b", "1");
        _server.ExpireSnapshots = 100;

        var error = await Assert.ThrowsAsync<SynchronizerRpcException>(() => CreateSutAsync(pageSize: 1));

        Assert.Equal(RpcErrorClasses.SnapshotExpired, error.ClassName);
        Assert.True(_subscription.Disposed);
    }

    [Fact]
    public async Task StartAsync_UnknownEntityType_ThrowsAndClosesTheSubscription()
    {
        var error = await Assert.ThrowsAsync<SynchronizerRpcException>(() =>
            ReplicaFollower.StartAsync("nova.flavor", _server, _subscription, new FollowOptions(), 1000, NullLogger.Instance, TimeProvider.System, RetryDelay, CancellationToken.None));

        Assert.Equal(RpcErrorClasses.UnknownEntityType, error.ClassName);
        Assert.True(_subscription.Disposed);
    }

    [Fact]
    public async Task ReadChangesAsync_SecondReader_Throws()
    {
        await using var follower = await CreateSutAsync();
        await using var first = follower.ReadChangesAsync().GetAsyncEnumerator();
        var pending = first.MoveNextAsync();

        await using var second = follower.ReadChangesAsync().GetAsyncEnumerator();

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await second.MoveNextAsync());
        _subscription.Deliver(_server.Upsert("a", "1"));
        Assert.True(await pending.AsTask().WaitAsync(Patience));
    }

    [Fact]
    public async Task WaitForRevisionAsync_CompletesWhenTheRevisionIsApplied()
    {
        await using var follower = await CreateSutAsync();
        var waiting = follower.WaitForRevisionAsync(2);
        using var stop = new CancellationTokenSource();
        var running = follower.RunAsync(stop.Token);

        _subscription.Deliver(_server.Upsert("a", "1"));
        Assert.False(waiting.IsCompleted && follower.Revision < 2);
        _subscription.Deliver(_server.Upsert("b", "1"));
        await waiting.WaitAsync(Patience);

        Assert.Equal(2, follower.Revision);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.True(follower.WaitForRevisionAsync(1).IsCompleted);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task ReadChangesAsync_RandomChurnWithLostDuplicatedNotificationsAndRetention_ReplicaEqualsServerAndTheStreamRebuildsIt(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 20; i++)
        {
            _server.Upsert($"id-{random.Next(40):D2}", "0");
        }

        await using var follower = await CreateSutAsync(pageSize: 1 + random.Next(10));
        var rebuilt = follower.Entities.ToDictionary(e => e.Key, e => e.Value.Hash);
        await using var changes = follower.ReadChangesAsync().GetAsyncEnumerator();
        for (var step = 0; step < 400; step++)
        {
            var id = $"id-{random.Next(40):D2}";
            var change = _server.Entities.ContainsKey(id) && random.Next(4) == 0 ? _server.Delete(id) : _server.Upsert(id, step.ToString(CultureInfo.InvariantCulture));
            var fate = random.Next(10);
            if (fate >= 2)
            {
                _subscription.Deliver(change);
            }

            if (fate == 9)
            {
                _subscription.Deliver(change);
            }

            if (random.Next(50) == 0)
            {
                _server.Forget(_server.Revision - random.Next(5));
            }

            if (random.Next(80) == 0)
            {
                _subscription.CatchUp();
            }

            if (random.Next(10) == 0 || step == 399)
            {
                await SyncPointAsync(changes, rebuilt, $"sync-{step}");
            }
        }

        // A batch (a snapshot's difference) may still hold changes after the last marker: one more
        // marker, which continues the replica and so comes alone, flushes them.
        await SyncPointAsync(changes, rebuilt, "final");

        AssertReplicaEqualsServer(follower);
        var expected = _server.Entities.ToDictionary(e => e.Key, e => e.Value.Hash);
        Assert.True(
            expected.Count == rebuilt.Count && expected.All(e => rebuilt.TryGetValue(e.Key, out var hash) && hash == e.Value),
            "the stream differs: " + string.Join(", ", expected.Where(e => !rebuilt.TryGetValue(e.Key, out var h) || h != e.Value).Select(e => $"{e.Key}={e.Value} vs {rebuilt.GetValueOrDefault(e.Key)}")
                .Concat(rebuilt.Keys.Except(expected.Keys).Select(k => $"extra {k}"))));
    }

    public ValueTask DisposeAsync() => _subscription.DisposeAsync();

    /// <summary>Publishes a new entity and reads the stream until it comes out: everything before it has been applied by then.</summary>
    private async Task SyncPointAsync(IAsyncEnumerator<ReplicaChange> changes, Dictionary<string, string> rebuilt, string id)
    {
        _subscription.Deliver(_server.Upsert(id, "sync"));
        ReplicaChange next;
        do
        {
            next = await NextAsync(changes);
            Rebuild(rebuilt, next);
        }
        while (next.Id != id);
    }

    private static void Rebuild(Dictionary<string, string> rebuilt, ReplicaChange change)
    {
        if (change.Kind == ReplicaChangeKind.Deleted)
        {
            Assert.True(rebuilt.Remove(change.Id), $"deleted {change.Id}, which the stream never created");
        }
        else
        {
            Assert.Equal(change.Kind == ReplicaChangeKind.Updated, rebuilt.ContainsKey(change.Id));
            rebuilt[change.Id] = change.Entity!.Hash;
        }
    }

    private static async Task<ReplicaChange> NextAsync(IAsyncEnumerator<ReplicaChange> changes)
    {
        Assert.True(await changes.MoveNextAsync().AsTask().WaitAsync(Patience), "the stream ended");
        return changes.Current;
    }

    private void AssertReplicaEqualsServer(ReplicaFollower follower)
    {
        Assert.Equal(_server.Revision, follower.Revision);
        Assert.Equal(
            _server.Entities.Values.Select(e => (e.Id, e.Hash)).Order(),
            follower.Entities.Values.Select(e => (e.Id, e.Hash)).Order());
    }

    private Task<ReplicaFollower> CreateSutAsync(FollowOptions? options = null, int pageSize = 1000) =>
        ReplicaFollower.StartAsync(FakeSynchronizer.Type, _server, _subscription, options ?? new FollowOptions(), pageSize, NullLogger.Instance, TimeProvider.System, RetryDelay, CancellationToken.None);
}
