using Synchronizer.Client.Rpc;

namespace Synchronizer.Client.Replication;

/// <summary>What a subscription delivers: a change notification, or a request to catch up after the bus connection was recovered.</summary>
/// <param name="Change">The notification's payload; <see langword="null"/> for a catch-up.</param>
/// <param name="DeliveryTag">The AMQP delivery tag to acknowledge; 0 when there is nothing to acknowledge.</param>
internal sealed record SubscriptionItem(EntityChange? Change, ulong DeliveryTag)
{
    public static SubscriptionItem CatchUp { get; } = new(null, 0);
}
