using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Publishing;
using Synchronizer.Core.State;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Core.Polling;

/// <summary>
/// Keeps one entity type in sync: lists it completely, detects changes against the baseline,
/// records them with dense revisions, then publishes them in revision order. The push path refreshes
/// single entities through <see cref="RefreshAsync"/>.
/// </summary>
/// <remarks>
/// The listing runs outside the type's lock (it can take minutes for 100k entities); recording and
/// publishing run inside it, so revisions are assigned and published in one order. An entity the push
/// path refreshed after a listing began keeps the refreshed state when that listing records
/// (CONTRACT §7).
/// </remarks>
public sealed class TypeSynchronizer : IDisposable
{
    /// <summary>
    /// How many changes go to the broker per confirmed batch. A crash can re-announce at most one
    /// batch of changes the broker already confirmed: those confirmed but not yet marked published.
    /// </summary>
    public const int PublishBatchSize = 1000;

    private readonly IEntityPoller _poller;
    private readonly IChangeStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RecordedType _recorded;
    private readonly RefreshLedger _refreshes = new();
    private TypeStatus _status = TypeStatus.NeverPolled;

    /// <summary>Initializes a new instance of the <see cref="TypeSynchronizer"/> class.</summary>
    /// <param name="poller">Lists the type.</param>
    /// <param name="store">Records baseline, revisions and changes.</param>
    /// <param name="publisher">Publishes change notifications.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public TypeSynchronizer(IEntityPoller poller, IChangeStore store, IChangePublisher publisher, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(poller);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(publisher);
        _poller = poller;
        _store = store;
        _time = time;
        _logger = logger;
        _recorded = new RecordedType(poller.Descriptor.Name, store, publisher, logger);
    }

    /// <summary>Gets the entity type.</summary>
    public EntityTypeDescriptor Descriptor => _poller.Descriptor;

    /// <summary>Gets the latest recorded state; immutable, safe to hold while paging.</summary>
    public TypeSnapshot Current => _recorded.Current;

    /// <summary>Gets how the last poll went.</summary>
    public TypeStatus Status => Volatile.Read(ref _status);

    /// <summary>
    /// Loads the type's recorded state from the store, once; until then <see cref="Current"/> is empty at
    /// revision 0. The start-up recovery does it for every type; a reader of <see cref="Current"/> that may
    /// run earlier (an RPC server starting first) awaits it.
    /// </summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>A task that completes once <see cref="Current"/> holds the recorded state.</returns>
    public Task EnsureLoadedAsync(CancellationToken cancellationToken) => _recorded.EnsureLoadedAsync(cancellationToken);

    /// <summary>Polls the type now: a complete listing, then its changes recorded and published.</summary>
    /// <param name="source">Why the poll runs (periodic or on demand).</param>
    /// <param name="cancellationToken">Cancels the poll; nothing is recorded for a cancelled listing.</param>
    /// <returns>The counts of the poll.</returns>
    /// <exception cref="PollFailedException">The listing failed or was incomplete (nothing changed), or publishing failed (changes stay queued).</exception>
    public async Task<PollOutcome> PollAsync(ChangeSource source, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var sampledAt = _time.GetUtcNow();
        var sourceName = SourceName(source);
        var listingStart = _refreshes.BeginListing();
        try
        {
            await _recorded.EnsureLoadedAsync(cancellationToken);
            var observed = await ListCompletelyAsync(cancellationToken);
            var outcome = await RecordListingAsync(observed, listingStart, source, sampledAt, started, cancellationToken);
            Volatile.Write(ref _status, new TypeStatus(_time.GetUtcNow(), "ok", null));
            var durationMs = (long)outcome.Duration.TotalMilliseconds;
            Log.PollCompleted(_logger, outcome.EntityType, sourceName, durationMs, outcome.Listed, outcome.Created, outcome.Updated, outcome.Deleted, outcome.Revision);
            return outcome;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = ex is PollFailedException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            Volatile.Write(ref _status, new TypeStatus(_time.GetUtcNow(), "failed", error));
            var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Log.PollFailed(_logger, Descriptor.Name, sourceName, elapsedMs, error);
            throw ex as PollFailedException ?? new PollFailedException(error, ex);
        }
        finally
        {
            _refreshes.EndListing(listingStart);
        }
    }

    /// <summary>
    /// Records what the API just returned for one entity (the push path, CONTRACT §7) and publishes
    /// the change, if any. A listing that began before this call does not overwrite the result.
    /// </summary>
    /// <param name="id">The entity id.</param>
    /// <param name="current">The entity as read by id; <see langword="null"/> when the API answered 404 (deleted).</param>
    /// <param name="source">Why the entity was read, usually <see cref="ChangeSource.Notification"/>.</param>
    /// <param name="cancellationToken">Cancels the refresh.</param>
    /// <returns>The recorded change, or <see langword="null"/> when the entity did not change.</returns>
    /// <exception cref="ArgumentException"><paramref name="current"/> is another entity than <paramref name="id"/>.</exception>
    /// <exception cref="PollFailedException">The entity is not valid JSON (nothing recorded), or publishing failed (the change is recorded and stays queued).</exception>
    public async Task<EntityChange?> RefreshAsync(string id, EntityRecord? current, ChangeSource source, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (current is not null && !string.Equals(current.Id, id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The record is entity '{current.Id}', not '{id}'.", nameof(current));
        }

        var sampledAt = _time.GetUtcNow();
        var observed = current is null ? null : ObserveOne(current);
        using (await _recorded.EnterAsync(cancellationToken))
        {
            var snapshot = _recorded.Current;
            var detected = ChangeDetector.DetectOne(id, snapshot.Entities.GetValueOrDefault(id), observed);

            // Stamped even when nothing changed: a listing that began earlier may hold an older copy.
            _refreshes.Stamp(id);
            if (detected is null)
            {
                return null;
            }

            var changes = ChangeFactory.Number(Descriptor.Name, [detected], snapshot.Revision, source, sampledAt);
            await _recorded.RecordAsync(changes, cancellationToken);
            var sourceName = SourceName(source);
            Log.EntityRefreshed(_logger, Descriptor.Name, id, sourceName, changes[0].Revision);
            return changes[0];
        }
    }

    /// <summary>Publishes the changes recorded earlier but not confirmed by the broker, oldest first (the start-up step).</summary>
    /// <param name="cancellationToken">Cancels the publishing; what is unconfirmed stays queued.</param>
    /// <returns>How many changes were published.</returns>
    /// <exception cref="PollFailedException">Publishing failed; the changes stay queued and go out first next time.</exception>
    public async Task<int> PublishPendingAsync(CancellationToken cancellationToken)
    {
        using var lease = await _recorded.EnterAsync(cancellationToken);
        if (lease.Flushed > 0)
        {
            Log.PendingPublished(_logger, Descriptor.Name, lease.Flushed, Current.Revision);
        }

        return lease.Flushed;
    }

    /// <summary>Reads the type's retained change log after a revision (CONTRACT §4 <c>get_changes</c>).</summary>
    /// <param name="afterRevision">The last revision the caller has.</param>
    /// <param name="limit">The most changes to return; at least 1.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The changes, oldest first, or a page that says the revision is gone.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="afterRevision"/> is negative or <paramref name="limit"/> is below 1.</exception>
    public Task<ChangeLogPage> ReadChangesAsync(long afterRevision, int limit, CancellationToken cancellationToken) =>
        _store.ReadChangesAsync(Descriptor.Name, afterRevision, limit, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _recorded.Dispose();

    private ObservedEntity ObserveOne(EntityRecord record)
    {
        try
        {
            return EntityObserver.Observe(record, Descriptor);
        }
        catch (JsonException ex)
        {
            throw new PollFailedException($"{Descriptor.Name} {record.Id} is not valid JSON; nothing recorded: {ex.Message}", ex);
        }
    }

    private async Task<Dictionary<string, ObservedEntity>> ListCompletelyAsync(CancellationToken cancellationToken)
    {
        var baseline = Current.Entities;
        var observed = new Dictionary<string, ObservedEntity>(baseline.Count + 16, StringComparer.Ordinal);
        await foreach (var record in _poller.ListAsync(cancellationToken))
        {
            // Items can shift across a page boundary while a listing runs; the later read wins. An
            // unchanged entity points at the baseline's bytes, so only changed ones are held twice.
            var seen = EntityObserver.Observe(record, Descriptor);
            observed[record.Id] = baseline.TryGetValue(record.Id, out var known) && known.Hash == seen.Hash ? seen with { Json = known.Json } : seen;
        }

        return observed;
    }

    private async Task<PollOutcome> RecordListingAsync(
        Dictionary<string, ObservedEntity> observed, long listingStart, ChangeSource source, DateTimeOffset sampledAt, long started, CancellationToken cancellationToken)
    {
        // Entering publishes changes recorded earlier but not yet confirmed, so revisions reach the bus in order.
        using (await _recorded.EnterAsync(cancellationToken))
        {
            var snapshot = _recorded.Current;
            var listed = observed.Count;
            var kept = _refreshes.KeepRefreshed(observed, snapshot, listingStart);
            if (kept > 0)
            {
                Log.RefreshesKept(_logger, Descriptor.Name, kept);
            }

            var detected = ChangeDetector.Detect(snapshot.Entities, observed);
            var changes = ChangeFactory.Number(Descriptor.Name, detected, snapshot.Revision, source, sampledAt);
            if (changes.Count > 0)
            {
                await _recorded.RecordAsync(changes, cancellationToken);
            }

            return new PollOutcome(
                Descriptor.Name,
                listed,
                changes.Count(c => c.Action == ChangeAction.Create),
                changes.Count(c => c.Action == ChangeAction.Update),
                changes.Count(c => c.Action == ChangeAction.Delete),
                _recorded.Current.Revision,
                Stopwatch.GetElapsedTime(started));
        }
    }

    private static string SourceName(ChangeSource source) => source.ToString().ToLowerInvariant();
}
