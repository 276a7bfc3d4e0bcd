using Synchronizer.Client.Replication;

namespace Synchronizer.Client.Rpc;

/// <summary>One page of a consistent snapshot, as <c>get_all</c> returns it.</summary>
/// <param name="EntityType">The entity type.</param>
/// <param name="Revision">The revision the snapshot is pinned at; the same on every page of one snapshot.</param>
/// <param name="Entities">The entities, in id order.</param>
/// <param name="NextMarker">The marker of the next page; <see langword="null"/> on the last page.</param>
public sealed record SnapshotPage(string EntityType, long Revision, IReadOnlyList<ReplicaEntity> Entities, string? NextMarker);
