namespace Synchronizer.Plugins.Heat.Tests.Stacks;

/// <summary>A clock whose waits end at once (on the thread pool), counting them: the re-read tests never sleep.</summary>
internal sealed class InstantTimeProvider : TimeProvider
{
    private int _waits;

    public int Waits => Volatile.Read(ref _waits);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _waits);
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new Fired();
    }

    private sealed class Fired : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
