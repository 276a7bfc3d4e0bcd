namespace Synchronizer.Client.Replication;

/// <summary>The notifications of one entity type, in the order the broker delivers them, from a queue subscribed before the snapshot.</summary>
internal interface IChangeSubscription : IAsyncDisposable
{
    /// <summary>Waits for the next item.</summary>
    ValueTask<SubscriptionItem> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Tells the broker the item is applied (or skipped), so it is not delivered again.</summary>
    ValueTask AcknowledgeAsync(SubscriptionItem item, CancellationToken cancellationToken);
}
