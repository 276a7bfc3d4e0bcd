namespace Synchronizer.Client.Replication;

/// <summary>What a change did to the replica.</summary>
public enum ReplicaChangeKind
{
    /// <summary>The entity was added to the replica.</summary>
    Created,

    /// <summary>The entity was replaced by a newer state.</summary>
    Updated,

    /// <summary>The entity was removed from the replica.</summary>
    Deleted,
}
