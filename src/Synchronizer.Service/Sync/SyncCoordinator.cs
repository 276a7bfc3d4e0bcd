using Microsoft.Extensions.Logging;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Polling;
using Synchronizer.Service.Metrics;

namespace Synchronizer.Service.Sync;

/// <summary>
/// The one way into a type's poll, for the periodic job and on-demand <c>sync</c> alike, so that
/// two polls of one type never run at once (CONTRACT §4 <c>sync</c>).
/// </summary>
/// <remarks>
/// Per type there is at most a <em>current</em> poll and a <em>next</em> one. A periodic poll joins
/// the current poll when there is one. An on-demand request must be answered by a poll that began
/// after it arrived (a listing that began earlier may miss the change the caller knows of): with a
/// poll running, it joins the next poll, which starts when the current one ends; every request that
/// arrives meanwhile joins that same next poll. A caller's token cancels only its own wait; the poll
/// itself stops only when the service stops, or when the periodic job that started it is cancelled.
/// </remarks>
internal sealed class SyncCoordinator : IAsyncDisposable
{
    private readonly EnabledTypes _types;
    private readonly SynchronizerMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<SyncCoordinator> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, SyncLane> _lanes;
    private int _disposed;

    public SyncCoordinator(EnabledTypes types, SynchronizerMetrics metrics, TimeProvider time, ILogger<SyncCoordinator> logger)
    {
        ArgumentNullException.ThrowIfNull(types);
        _types = types;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _lanes = types.All.ToDictionary(t => t.Descriptor.Name, t => new SyncLane(t), StringComparer.Ordinal);
    }

    /// <summary>The periodic poll: joins the running poll of the type, or starts one.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="cancellationToken">The job's token: cancels the wait, and the poll when this call started it.</param>
    /// <returns>The result of the poll joined or started; a failed poll is a result, not an exception.</returns>
    /// <exception cref="UnknownEntityTypeException">The type is unknown or disabled.</exception>
    public Task<SyncResult> PollAsync(string entityType, CancellationToken cancellationToken) =>
        Join(entityType, fresh: false, ChangeSource.Poll, cancellationToken).WaitAsync(cancellationToken);

    /// <summary>On-demand sync: waits for a poll of the type that begins after this call (the next one when a poll is running).</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="cancellationToken">Cancels the wait only; the poll goes on for the others who joined it.</param>
    /// <returns>The result of the poll joined; a failed poll is a result, not an exception.</returns>
    /// <exception cref="UnknownEntityTypeException">The type is unknown or disabled.</exception>
    public Task<SyncResult> SyncAsync(string entityType, CancellationToken cancellationToken) =>
        Join(entityType, fresh: true, ChangeSource.Sync, CancellationToken.None).WaitAsync(cancellationToken);

    /// <summary>On-demand sync without waiting (<c>wait=False</c>): the poll is requested as by <see cref="SyncAsync"/>.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <returns>A <c>queued</c> result carrying the type's revision now.</returns>
    /// <exception cref="UnknownEntityTypeException">The type is unknown or disabled.</exception>
    public SyncResult Queue(string entityType)
    {
        _ = Join(entityType, fresh: true, ChangeSource.Sync, CancellationToken.None);
        return SyncResult.Queued(entityType, _types.Get(entityType).Current.Revision);
    }

    /// <summary>On-demand sync of every enabled type (<c>sync</c> with no <c>entity_type</c>).</summary>
    /// <param name="wait">Whether to wait for the polls; otherwise every result is <c>queued</c>.</param>
    /// <param name="cancellationToken">Cancels the wait only.</param>
    /// <returns>One result per type, in name order.</returns>
    public async Task<IReadOnlyList<SyncResult>> SyncAllAsync(bool wait, CancellationToken cancellationToken)
    {
        var names = _types.All.Select(t => t.Descriptor.Name).ToList();
        return wait ? await Task.WhenAll(names.Select(n => SyncAsync(n, cancellationToken))) : [.. names.Select(Queue)];
    }

    /// <summary>Tells whether a poll of the type completed at least once since the service started.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <returns><see langword="true"/> after a successful poll through this coordinator.</returns>
    public bool HasSucceeded(string entityType) => _lanes.TryGetValue(entityType, out var lane) && lane.HasSucceeded;

    /// <summary>Cancels the polls still running and waits for them to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        foreach (var lane in _lanes.Values)
        {
            Task? last;
            lock (lane.Gate)
            {
                last = (lane.Next ?? lane.Current)?.Completion.Task;
            }

            if (last is not null)
            {
                await last.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        _stopping.Dispose();
    }

    private Task<SyncResult> Join(string entityType, bool fresh, ChangeSource source, CancellationToken pollToken)
    {
        var type = _types.Get(entityType);
        var lane = _lanes[type.Descriptor.Name];
        SyncRun joined;
        SyncRun? start = null;
        lock (lane.Gate)
        {
            if (lane.Current is null)
            {
                joined = start = lane.Current = new SyncRun(source, pollToken);
            }
            else if (!fresh)
            {
                joined = lane.Current;
                SyncLog.JoinedRunning(_logger, entityType);
            }
            else
            {
                joined = lane.Next ??= new SyncRun(source, CancellationToken.None);
                SyncLog.QueuedBehindRunning(_logger, entityType);
            }
        }

        if (start is not null)
        {
            _ = RunAsync(lane, start);
        }

        return joined.Completion.Task;
    }

    // Never throws: the outcome, whatever it is, goes to the run's completion.
    private async Task RunAsync(SyncLane lane, SyncRun run)
    {
        var poll = PollOnceAsync(lane, run);
        await ((Task)poll).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        SyncRun? next;
        lock (lane.Gate)
        {
            next = lane.Next;
            lane.Next = null;
            lane.Current = next;
        }

        // The lane is settled (next poll current and started) before this poll's callers resume, so a
        // caller that asks again at once queues behind the next poll instead of joining it late.
        if (next is not null)
        {
            _ = RunAsync(lane, next);
        }

        run.Completion.SetFromTask(poll);
    }

    private async Task<SyncResult> PollOnceAsync(SyncLane lane, SyncRun run)
    {
        var name = lane.Type.Descriptor.Name;
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, run.Token);
        var started = _time.GetTimestamp();
        try
        {
            var outcome = await lane.Type.PollAsync(run.Source, cancellation.Token);
            lane.MarkSucceeded();
            _metrics.RecordPoll(name, succeeded: true, outcome.Duration);
            return SyncResult.Ok(outcome);
        }
        catch (PollFailedException ex)
        {
            // Already logged by the type, which also keeps the error for list_types.
            var elapsed = _time.GetElapsedTime(started);
            _metrics.RecordPoll(name, succeeded: false, elapsed);
            return SyncResult.Failed(name, ex.Message, lane.Type.Current.Revision, elapsed);
        }
    }
}
