namespace Synchronizer.Messaging.Listening;

/// <summary>Counters of the push path's listener, for metrics and tests.</summary>
public sealed class ListenerStatistics
{
    private long _received;
    private long _handled;
    private long _failed;
    private long _deadLettered;

    /// <summary>Gets how many messages arrived.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Gets how many notifications the handler completed.</summary>
    public long Handled => Interlocked.Read(ref _handled);

    /// <summary>Gets how many notifications the handler failed on (logged, not retried).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Gets how many poison messages were set aside in the dead-letter queue.</summary>
    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    /// <summary>Gets the delay between OpenStack sending the last notification and its handling.</summary>
    public TimeSpan LastLag { get; internal set; }

    internal void CountReceived() => Interlocked.Increment(ref _received);

    internal void CountHandled() => Interlocked.Increment(ref _handled);

    internal void CountFailed() => Interlocked.Increment(ref _failed);

    internal void CountDeadLettered() => Interlocked.Increment(ref _deadLettered);
}
