namespace Synchronizer.Client.Replication;

/// <summary>One change applied to a replica. Applying the changes in the order they come to a copy of the initial replica gives the replica.</summary>
/// <param name="Kind">Created, updated or deleted.</param>
/// <param name="Id">The entity id.</param>
/// <param name="Revision">The type's revision once the change is applied.</param>
/// <param name="Entity">The entity now; <see langword="null"/> when deleted.</param>
/// <param name="Previous">The entity before the change; <see langword="null"/> when created.</param>
/// <param name="Origin">How the follower learnt of the change.</param>
/// <param name="ChangedFields">The top-level keys that changed, when the service said (notifications and change log of updates); empty otherwise.</param>
public sealed record ReplicaChange(
    ReplicaChangeKind Kind,
    string Id,
    long Revision,
    ReplicaEntity? Entity,
    ReplicaEntity? Previous,
    ChangeOrigin Origin,
    IReadOnlyList<string> ChangedFields);
