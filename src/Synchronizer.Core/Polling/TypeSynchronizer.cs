using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Publishing;
using Synchronizer.Core.State;
using Synchronizer.Plugins.Abstractions;

namespace Synchronizer.Core.Polling;

/// <summary>
/// Keeps one entity type in sync: lists it completely, detects changes against the baseline,
/// records them with dense revisions, then publishes them in revision order.
/// </summary>
/// <remarks>
/// The listing runs outside the type's lock (it can take minutes for 100k entities); recording and
/// publishing run inside it, so revisions are assigned and published in one order.
/// </remarks>
public sealed class TypeSynchronizer : IDisposable
{
    private const int PublishBatchSize = 1000;

    private readonly IEntityPoller _poller;
    private readonly IChangeStore _store;
    private readonly IChangePublisher _publisher;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<EntityChange> _unpublished = [];
    private TypeSnapshot _snapshot;
    private TypeStatus _status = TypeStatus.NeverPolled;
    private bool _loaded;

    /// <summary>Initializes a new instance of the <see cref="TypeSynchronizer"/> class.</summary>
    /// <param name="poller">Lists the type.</param>
    /// <param name="store">Records baseline, revisions and changes.</param>
    /// <param name="publisher">Publishes change notifications.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public TypeSynchronizer(IEntityPoller poller, IChangeStore store, IChangePublisher publisher, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(poller);
        _poller = poller;
        _store = store;
        _publisher = publisher;
        _time = time;
        _logger = logger;
        _snapshot = TypeSnapshot.Empty(poller.Descriptor.Name);
    }

    /// <summary>Gets the entity type.</summary>
    public EntityTypeDescriptor Descriptor => _poller.Descriptor;

    /// <summary>Gets the latest recorded state; immutable, safe to hold while paging.</summary>
    public TypeSnapshot Current => Volatile.Read(ref _snapshot);

    /// <summary>Gets how the last poll went.</summary>
    public TypeStatus Status => Volatile.Read(ref _status);

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
        try
        {
            await EnsureLoadedAsync(cancellationToken);
            var observed = await ListCompletelyAsync(cancellationToken);
            var outcome = await RecordAndPublishAsync(observed, source, sampledAt, started, cancellationToken);
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
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task<Dictionary<string, ObservedEntity>> ListCompletelyAsync(CancellationToken cancellationToken)
    {
        var observed = new Dictionary<string, ObservedEntity>(Current.Entities.Count + 16, StringComparer.Ordinal);
        await foreach (var record in _poller.ListAsync(cancellationToken))
        {
            // Items can shift across a page boundary while a listing runs; the later read wins.
            observed[record.Id] = EntityObserver.Observe(record, Descriptor);
        }

        return observed;
    }

    private async Task<PollOutcome> RecordAndPublishAsync(
        Dictionary<string, ObservedEntity> observed, ChangeSource source, DateTimeOffset sampledAt, long started, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Changes recorded earlier but not yet confirmed go out first, so revisions reach the bus in order.
            await PublishUnpublishedAsync(cancellationToken);
            var snapshot = Current;
            var detected = ChangeDetector.Detect(snapshot.Entities, observed);
            var changes = ChangeFactory.Number(Descriptor.Name, detected, snapshot.Revision, source, sampledAt);
            if (changes.Count > 0)
            {
                await _store.AppendAsync(changes, cancellationToken);
                Volatile.Write(ref _snapshot, snapshot.Apply(changes));
                _unpublished.AddRange(changes);
                await PublishUnpublishedAsync(cancellationToken);
            }

            return new PollOutcome(
                Descriptor.Name,
                observed.Count,
                changes.Count(c => c.Action == ChangeAction.Create),
                changes.Count(c => c.Action == ChangeAction.Update),
                changes.Count(c => c.Action == ChangeAction.Delete),
                Current.Revision,
                Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task PublishUnpublishedAsync(CancellationToken cancellationToken)
    {
        while (_unpublished.Count > 0)
        {
            var batch = _unpublished.GetRange(0, Math.Min(PublishBatchSize, _unpublished.Count));
            try
            {
                await _publisher.PublishAsync(batch, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.PublishFailed(_logger, Descriptor.Name, _unpublished.Count, ex.Message);
                throw new PollFailedException($"Publishing {_unpublished.Count} recorded changes failed (they stay queued): {ex.Message}", ex);
            }

            await _store.MarkPublishedAsync(Descriptor.Name, batch[^1].Revision, cancellationToken);
            _unpublished.RemoveRange(0, batch.Count);
        }
    }

    private async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_loaded)
            {
                var state = await _store.LoadAsync(Descriptor.Name, cancellationToken);
                Volatile.Write(ref _snapshot, state.Snapshot);
                _unpublished.AddRange(state.Unpublished);
                _loaded = true;
                Log.StateLoaded(_logger, Descriptor.Name, state.Snapshot.Revision, state.Snapshot.Entities.Count, state.Unpublished.Count);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string SourceName(ChangeSource source) => source.ToString().ToLowerInvariant();
}
