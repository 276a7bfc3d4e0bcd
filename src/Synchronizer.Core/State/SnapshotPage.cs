namespace Synchronizer.Core.State;

/// <summary>One page of a <see cref="TypeSnapshot"/>, as <see cref="TypeSnapshot.Page"/> returns it.</summary>
/// <param name="EntityType">The entity type.</param>
/// <param name="Revision">The revision of the snapshot the page comes from; the same on every page of one snapshot.</param>
/// <param name="Entities">The entities, in ordinal id order.</param>
/// <param name="NextMarker">The marker of the next page; <see langword="null"/> on the last page.</param>
public sealed record SnapshotPage(string EntityType, long Revision, IReadOnlyList<StoredEntity> Entities, string? NextMarker);
