namespace Synchronizer.OpenStack.Tests;

/// <summary>
/// A clock the test moves by hand, with timers that fire only when it is moved (the
/// Microsoft.Extensions.TimeProvider.Testing package is not served here). Polly's delays and
/// time-outs run on these timers, so no test ever sleeps.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;
    private TaskCompletionSource _timerScheduled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ManualTimeProvider(DateTimeOffset start) => _now = start;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Gets the delays of the timers still waiting, measured from now.</summary>
    public IReadOnlyList<TimeSpan> PendingDelays
    {
        get
        {
            lock (_gate)
            {
                return _timers.Where(t => t.DueAt is not null).Select(t => t.DueAt!.Value - _now).Order().ToList();
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + by;
        }

        while (NextDue(target) is { } timer)
        {
            timer.Fire();
        }

        lock (_gate)
        {
            _now = target;
        }
    }

    /// <summary>
    /// Starts <paramref name="start"/> and runs it to its end: whenever it waits on a timer, jumps to
    /// the earliest one. A task waiting on anything else (a stub that never answers) is woken only by
    /// its time-outs.
    /// </summary>
    /// <remarks>
    /// The code under test starts without xunit's SynchronizationContext, so none of its awaits
    /// captures it, and every continuation a timer releases runs inline, before the clock moves on.
    /// </remarks>
    public async Task<T> RunAsync<T>(Func<Task<T>> start)
    {
        var task = WithoutContext(start);
        await RunAsync(task);
        return await task;
    }

    public async Task RunAsync(Func<Task> start) => await RunAsync(WithoutContext(start));

    private static TTask WithoutContext<TTask>(Func<TTask> start)
    {
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return start();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    private async Task RunAsync(Task task)
    {
        for (var step = 0; !task.IsCompleted; step++)
        {
            Assert.True(step < 1000, "The task kept scheduling timers without finishing.");
            Task scheduled;
            lock (_gate)
            {
                scheduled = _timers.Count > 0 ? Task.CompletedTask : _timerScheduled.Task;
            }

            await Task.WhenAny(task, scheduled);
            if (!task.IsCompleted && NextDue(DateTimeOffset.MaxValue) is { } timer)
            {
                timer.Fire();
            }
        }
    }

    private ManualTimer? NextDue(DateTimeOffset limit)
    {
        lock (_gate)
        {
            var next = _timers.Where(t => t.DueAt is { } due && due <= limit).OrderBy(t => t.DueAt).FirstOrDefault();
            if (next is not null && next.DueAt > _now)
            {
                _now = next.DueAt!.Value;
            }

            return next;
        }
    }

    private sealed class ManualTimer : ITimer
    {
        private readonly ManualTimeProvider _owner;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state)
        {
            _owner = owner;
            _callback = callback;
            _state = state;
        }

        public DateTimeOffset? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_owner._gate)
            {
                _owner._timers.Remove(this);
                _period = period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _owner._now + dueTime;
                if (DueAt is not null)
                {
                    _owner._timers.Add(this);
                    _owner._timerScheduled.TrySetResult();
                    _owner._timerScheduled = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }

            return true;
        }

        public void Fire()
        {
            lock (_owner._gate)
            {
                _owner._timers.Remove(this);
                DueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : _owner._now + _period;
                if (DueAt is not null)
                {
                    _owner._timers.Add(this);
                }
            }

            // Outside the lock: the callback resumes the code under test, which sets its next timer.
            // Without xunit's SynchronizationContext, .NET runs those continuations inline, so the
            // code under test has reached its next wait when this returns, and the clock may move on.
            WithoutContext(() =>
            {
                _callback(_state);
                return 0;
            });
        }

        public void Dispose()
        {
            lock (_owner._gate)
            {
                _owner._timers.Remove(this);
                DueAt = null;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
