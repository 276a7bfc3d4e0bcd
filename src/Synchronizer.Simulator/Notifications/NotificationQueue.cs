using System.Threading.Channels;

namespace Synchronizer.Simulator.Notifications;

/// <summary>
/// Hands notifications from the API and churn paths to the publisher without waiting for the broker.
/// Bounded: if the broker is gone for long, the oldest notifications are dropped (and counted) rather
/// than the simulator running out of memory. Disabled, it takes nothing and costs nothing.
/// </summary>
internal sealed class NotificationQueue
{
    private const int Capacity = 200_000;

    private readonly Channel<NotificationMessage>? _channel;
    private long _dropped;
    private long _published;

    public NotificationQueue(bool enabled)
    {
        if (enabled)
        {
            _channel = Channel.CreateBounded<NotificationMessage>(
                new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                _ => Interlocked.Increment(ref _dropped));
        }
    }

    public bool Enabled => _channel is not null;

    public ChannelReader<NotificationMessage> Reader => _channel?.Reader ?? throw new InvalidOperationException("Notifications are disabled.");

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Published => Interlocked.Read(ref _published);

    public int Pending => _channel?.Reader.Count ?? 0;

    public void Enqueue(NotificationMessage message) => _channel?.Writer.TryWrite(message);

    public void CountPublished() => Interlocked.Increment(ref _published);

    public void Complete() => _channel?.Writer.TryComplete();
}
