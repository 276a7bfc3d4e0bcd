namespace Synchronizer.Client.Replication;

/// <summary>How <see cref="SynchronizerClient.FollowAsync(string, FollowOptions, CancellationToken)"/> follows a type.</summary>
public sealed class FollowOptions
{
    /// <summary>
    /// Gets the name of the queue the notifications are buffered in, as an oslo listener's <c>pool</c>:
    /// it outlives the follower (durable as <see cref="SynchronizerClientOptions.AmqpDurableQueues"/>), so
    /// a consumer that restarts finds the notifications it missed. Give each follower its own pool: two
    /// followers of one pool share its notifications. The default value is <see langword="null"/>: a
    /// queue of the follower's own that goes with it.
    /// </summary>
    public string? Pool { get; init; }

    /// <summary>
    /// Gets a replica the consumer kept from an earlier run. When set, the follower starts from it with
    /// <c>reconcile</c> (CONTRACT §5.4) instead of a snapshot, and its first changes are the reconcile's
    /// upserts and deletes. The default value is <see langword="null"/>: start from a snapshot.
    /// </summary>
    public IReadOnlyCollection<ReplicaEntity>? PersistedReplica { get; init; }

    /// <summary>Gets how many notifications the broker hands over before they are applied. The default value is 256.</summary>
    public ushort Prefetch { get; init; } = 256;
}
