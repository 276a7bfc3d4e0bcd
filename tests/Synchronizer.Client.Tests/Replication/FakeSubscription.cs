using System.Threading.Channels;
using Synchronizer.Client.Replication;
using Synchronizer.Client.Rpc;

namespace Synchronizer.Client.Tests.Replication;

/// <summary>A subscription the test feeds by hand; it counts acknowledgements.</summary>
internal sealed class FakeSubscription : IChangeSubscription
{
    private readonly Channel<SubscriptionItem> _items = Channel.CreateUnbounded<SubscriptionItem>();
    private ulong _nextTag = 1;

    public int Acknowledged { get; private set; }

    public bool Disposed { get; private set; }

    public int Pending => _items.Reader.Count;

    public void Deliver(EntityChange change) => _items.Writer.TryWrite(new SubscriptionItem(change, _nextTag++));

    public void CatchUp() => _items.Writer.TryWrite(SubscriptionItem.CatchUp);

    public ValueTask<SubscriptionItem> ReadAsync(CancellationToken cancellationToken) => _items.Reader.ReadAsync(cancellationToken);

    public ValueTask AcknowledgeAsync(SubscriptionItem item, CancellationToken cancellationToken)
    {
        if (item.DeliveryTag != 0)
        {
            Acknowledged++;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
