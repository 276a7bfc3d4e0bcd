using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Synchronizer.Client.Rpc;

namespace Synchronizer.Client.Replication;

/// <summary>
/// Keeps an exact replica of one entity type (CONTRACT §5): subscribed to the type's notifications
/// before its initial snapshot (or <c>reconcile</c>), it applies them in revision order, skips
/// duplicates, fills gaps from the change log and takes a new snapshot when the log no longer reaches
/// back far enough.
/// </summary>
/// <remarks>
/// The replica advances while <see cref="ReadChangesAsync"/> (or <see cref="RunAsync"/>) is being
/// enumerated, by one reader at a time; until then notifications wait in the broker.
/// <see cref="Entities"/> and <see cref="Revision"/> may be read from any thread at any time: they are
/// immutable snapshots, replaced as changes are applied.
/// </remarks>
public sealed class ReplicaFollower : IAsyncDisposable
{
    private const int MaxSnapshotAttempts = 5;
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly ISynchronizerRpc _rpc;
    private readonly IChangeSubscription _subscription;
    private readonly int _pageSize;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _firstRetryDelay;
    private readonly Queue<ReplicaChange> _startupChanges = new();
    private readonly List<(long Revision, TaskCompletionSource Reached)> _waiters = [];
    private volatile ReplicaState _state = ReplicaState.Empty;
    private int _reading;

    private ReplicaFollower(string entityType, ISynchronizerRpc rpc, IChangeSubscription subscription, int pageSize, ILogger logger, TimeProvider time, TimeSpan firstRetryDelay)
    {
        EntityType = entityType;
        _rpc = rpc;
        _subscription = subscription;
        _pageSize = pageSize;
        _logger = logger;
        _time = time;
        _firstRetryDelay = firstRetryDelay;
    }

    /// <summary>Gets the entity type followed, for example <c>nova.instance</c>.</summary>
    public string EntityType { get; }

    /// <summary>Gets the revision the replica is at.</summary>
    public long Revision => _state.Revision;

    /// <summary>Gets the replica: the entities by id, at <see cref="Revision"/>. An immutable snapshot, safe to keep and to read from any thread.</summary>
    public IReadOnlyDictionary<string, ReplicaEntity> Entities => _state.Entities;

    /// <summary>
    /// Applies the notifications as they come and yields each change it makes to the replica; the
    /// changes of a <c>reconcile</c> at start-up come first. It ends only when cancelled.
    /// </summary>
    /// <param name="cancellationToken">Stops following; the replica keeps what was applied.</param>
    /// <returns>The changes, in the order they were applied.</returns>
    /// <exception cref="InvalidOperationException">Another enumeration is running.</exception>
    /// <exception cref="SynchronizerRpcException">A call the algorithm needs failed in a way it cannot handle (for example <see cref="RpcErrorClasses.UnknownEntityType"/>).</exception>
    /// <exception cref="InvalidDataException">The service answered off the contract.</exception>
    /// <remarks>
    /// A call that fails for a passing reason (no answer in time, the broker away, the service not
    /// listening yet) is retried after a delay that doubles from one second up to thirty; the stream
    /// waits meanwhile.
    /// </remarks>
    public async IAsyncEnumerable<ReplicaChange> ReadChangesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _reading, 1) == 1)
        {
            throw new InvalidOperationException($"The changes of {EntityType} are already being read: a follower has one reader at a time.");
        }

        try
        {
            while (_startupChanges.TryDequeue(out var change))
            {
                yield return change;
            }

            while (true)
            {
                var item = await _subscription.ReadAsync(cancellationToken);
                var changes = await ProcessWithRetriesAsync(item, cancellationToken);
                await _subscription.AcknowledgeAsync(item, cancellationToken);
                foreach (var change in changes)
                {
                    yield return change;
                }
            }
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }

    /// <summary>Keeps the replica up to date without looking at the changes, until cancelled.</summary>
    /// <param name="cancellationToken">Stops following.</param>
    /// <returns>A task that ends when <paramref name="cancellationToken"/> is cancelled (as an <see cref="OperationCanceledException"/>) or following fails.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var unused in ReadChangesAsync(cancellationToken))
        {
            _ = unused;
        }
    }

    /// <summary>Waits until the replica reaches <paramref name="revision"/> (while someone reads the changes).</summary>
    /// <param name="revision">The revision to wait for, for example the one a <c>sync</c> reported.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when <see cref="Revision"/> is at least <paramref name="revision"/>.</returns>
    public Task WaitForRevisionAsync(long revision, CancellationToken cancellationToken = default)
    {
        lock (_waiters)
        {
            if (_state.Revision >= revision)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((revision, reached));
            return reached.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Stops the subscription; with no <see cref="FollowOptions.Pool"/>, its queue goes too.</summary>
    /// <returns>A task that completes when the subscription is closed.</returns>
    public ValueTask DisposeAsync() => _subscription.DisposeAsync();

    /// <summary>Starts following: the subscription must already consume, so that nothing published from now on is missed.</summary>
    internal static async Task<ReplicaFollower> StartAsync(
        string entityType,
        ISynchronizerRpc rpc,
        IChangeSubscription subscription,
        FollowOptions options,
        int pageSize,
        ILogger logger,
        TimeProvider time,
        TimeSpan firstRetryDelay,
        CancellationToken cancellationToken)
    {
        var follower = new ReplicaFollower(entityType, rpc, subscription, pageSize, logger, time, firstRetryDelay);
        try
        {
            if (options.PersistedReplica is { } persisted)
            {
                await follower.ReconcileAsync(persisted, cancellationToken);
            }
            else
            {
                var (revision, entities) = await follower.TakeSnapshotAsync(cancellationToken);
                follower.Publish(new ReplicaState(revision, entities));
                Log.Snapshot(logger, entityType, entities.Count, revision);
            }
        }
        catch
        {
            await follower.DisposeAsync();
            throw;
        }

        return follower;
    }

    private static bool IsPassing(Exception exception) => exception is TimeoutException
        or RabbitMQ.Client.Exceptions.RabbitMQClientException
        or IOException
        or SynchronizerRpcException { ClassName: RpcErrorClasses.MessageUndeliverable };

    /// <summary>Processes one item, retrying passing failures; changes applied before a failure stay in the list, so none is lost from the stream.</summary>
    private async Task<List<ReplicaChange>> ProcessWithRetriesAsync(SubscriptionItem item, CancellationToken cancellationToken)
    {
        var changes = new List<ReplicaChange>();
        var delay = _firstRetryDelay;
        while (true)
        {
            try
            {
                await ProcessAsync(item, changes, cancellationToken);
                return changes;
            }
            catch (Exception ex) when (IsPassing(ex) && !cancellationToken.IsCancellationRequested)
            {
                Log.Retrying(_logger, EntityType, ex.Message, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, _time, cancellationToken);
                delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay;
            }
        }
    }

    private async Task ProcessAsync(SubscriptionItem item, List<ReplicaChange> changes, CancellationToken cancellationToken)
    {
        if (item.Change is not { } notification)
        {
            Log.CatchingUp(_logger, EntityType, Revision);
            await CatchUpAsync(long.MaxValue, changes, cancellationToken);
            return;
        }

        if (notification.EntityType != EntityType || notification.Revision <= Revision)
        {
            return;
        }

        if (notification.Revision > Revision + 1)
        {
            Log.Gap(_logger, EntityType, notification.Revision, Revision);
            await CatchUpAsync(notification.Revision - 1, changes, cancellationToken);
            if (notification.Revision > Revision + 1)
            {
                // The log did not reach the notification: only a snapshot can.
                await ResnapshotAsync(changes, cancellationToken);
            }

            if (notification.Revision != Revision + 1)
            {
                return;
            }
        }

        if (Apply(notification, ChangeOrigin.Notification) is { } applied)
        {
            changes.Add(applied);
        }
    }

    /// <summary>Applies the change log after <see cref="Revision"/> up to <paramref name="target"/> (or its end); a new snapshot when it cannot.</summary>
    private async Task CatchUpAsync(long target, List<ReplicaChange> changes, CancellationToken cancellationToken)
    {
        while (Revision < target)
        {
            var last = Revision;
            ChangePage page;
            try
            {
                page = await _rpc.GetChangesAsync(EntityType, last, _pageSize, cancellationToken);
            }
            catch (SynchronizerRpcException ex) when (ex.ClassName == RpcErrorClasses.RevisionGone)
            {
                Log.RevisionGone(_logger, EntityType, last);
                await ResnapshotAsync(changes, cancellationToken);
                return;
            }

            foreach (var change in page.Changes.Where(c => c.Revision > Revision))
            {
                if (change.Revision != Revision + 1)
                {
                    Log.NotDense(_logger, EntityType, Revision, change.Revision);
                    await ResnapshotAsync(changes, cancellationToken);
                    return;
                }

                if (Apply(change, ChangeOrigin.ChangeLog) is { } applied)
                {
                    changes.Add(applied);
                }
            }

            if (Revision == last || Revision >= page.Revision)
            {
                return;
            }
        }
    }

    private async Task ReconcileAsync(IReadOnlyCollection<ReplicaEntity> persisted, CancellationToken cancellationToken)
    {
        var entities = persisted.ToImmutableDictionary(e => e.Id, StringComparer.Ordinal);
        var inventory = entities.ToDictionary(e => e.Key, e => e.Value.Hash, StringComparer.Ordinal);
        var answer = await _rpc.ReconcileAsync(EntityType, inventory, cancellationToken);
        var builder = entities.ToBuilder();
        foreach (var upsert in answer.Upserts)
        {
            builder.TryGetValue(upsert.Id, out var previous);
            builder[upsert.Id] = upsert;
            _startupChanges.Enqueue(new ReplicaChange(previous is null ? ReplicaChangeKind.Created : ReplicaChangeKind.Updated, upsert.Id, answer.Revision, upsert, previous, ChangeOrigin.Reconcile, []));
        }

        foreach (var id in answer.Deletes)
        {
            if (builder.TryGetValue(id, out var previous))
            {
                builder.Remove(id);
                _startupChanges.Enqueue(new ReplicaChange(ReplicaChangeKind.Deleted, id, answer.Revision, null, previous, ChangeOrigin.Reconcile, []));
            }
        }

        Publish(new ReplicaState(answer.Revision, builder.ToImmutable()));
        Log.Reconciled(_logger, EntityType, answer.Upserts.Count, answer.Deletes.Count, answer.Revision);
    }

    /// <summary>Replaces the replica with a new snapshot, adding the difference to <paramref name="changes"/>.</summary>
    private async Task ResnapshotAsync(List<ReplicaChange> changes, CancellationToken cancellationToken)
    {
        var (revision, entities) = await TakeSnapshotAsync(cancellationToken);
        var old = _state.Entities;
        foreach (var (id, entity) in entities.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!old.TryGetValue(id, out var previous))
            {
                changes.Add(new ReplicaChange(ReplicaChangeKind.Created, id, revision, entity, null, ChangeOrigin.Snapshot, []));
            }
            else if (previous.Hash != entity.Hash)
            {
                changes.Add(new ReplicaChange(ReplicaChangeKind.Updated, id, revision, entity, previous, ChangeOrigin.Snapshot, []));
            }
        }

        foreach (var (id, previous) in old.Where(e => !entities.ContainsKey(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            changes.Add(new ReplicaChange(ReplicaChangeKind.Deleted, id, revision, null, previous, ChangeOrigin.Snapshot, []));
        }

        Publish(new ReplicaState(revision, entities));
        Log.Snapshot(_logger, EntityType, entities.Count, revision);
    }

    /// <summary>Reads every page of one snapshot (CONTRACT §4 <c>get_all</c>); starts over when the snapshot expires or moves.</summary>
    private async Task<(long Revision, ImmutableDictionary<string, ReplicaEntity> Entities)> TakeSnapshotAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var entities = ImmutableDictionary.CreateBuilder<string, ReplicaEntity>(StringComparer.Ordinal);
            long? revision = null;
            string? marker = null;
            string? restart = null;
            try
            {
                do
                {
                    var page = await _rpc.GetAllAsync(EntityType, marker, _pageSize, null, cancellationToken);
                    if (revision is { } pinned && page.Revision != pinned)
                    {
                        restart = $"a page reported r{page.Revision} instead of r{pinned}";
                        break;
                    }

                    revision = page.Revision;
                    foreach (var entity in page.Entities)
                    {
                        entities[entity.Id] = entity;
                    }

                    marker = page.NextMarker;
                }
                while (marker is not null);
            }
            catch (SynchronizerRpcException ex) when (ex.ClassName == RpcErrorClasses.SnapshotExpired && attempt < MaxSnapshotAttempts)
            {
                restart = ex.Message;
            }

            if (restart is null)
            {
                return (revision!.Value, entities.ToImmutable());
            }

            if (attempt >= MaxSnapshotAttempts)
            {
                throw new SynchronizerRpcException(RpcErrorClasses.SnapshotExpired, $"{EntityType}: no consistent snapshot in {MaxSnapshotAttempts} attempts ({restart}).");
            }

            Log.SnapshotRestarted(_logger, EntityType, restart);
        }
    }

    /// <summary>Applies one change that continues the replica's revision.</summary>
    /// <returns>The change made, or <see langword="null"/> when the replica already had it.</returns>
    private ReplicaChange? Apply(EntityChange change, ChangeOrigin origin)
    {
        var state = _state;
        state.Entities.TryGetValue(change.Id, out var previous);
        if (previous is not null && previous.Revision >= change.Revision)
        {
            // The entity already has this change or a later one (CONTRACT §5.3); only the revision moves.
            Publish(state with { Revision = change.Revision });
            return null;
        }

        if (change.Action == ChangeAction.Delete)
        {
            Publish(new ReplicaState(change.Revision, state.Entities.Remove(change.Id)));
            return previous is null ? null : new ReplicaChange(ReplicaChangeKind.Deleted, change.Id, change.Revision, null, previous, origin, change.ChangedFields);
        }

        var entity = new ReplicaEntity(change.Id, change.Revision, change.Hash, change.Entity);
        Publish(new ReplicaState(change.Revision, state.Entities.SetItem(change.Id, entity)));
        var kind = previous is null ? ReplicaChangeKind.Created : ReplicaChangeKind.Updated;
        return new ReplicaChange(kind, change.Id, change.Revision, entity, previous, origin, change.ChangedFields);
    }

    private void Publish(ReplicaState state)
    {
        _state = state;
        lock (_waiters)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Revision <= state.Revision)
                {
                    _waiters[i].Reached.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }
}
