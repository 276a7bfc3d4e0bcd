using Synchronizer.Core.Changes;

namespace Synchronizer.Core.State;

/// <summary>What <see cref="IChangeStore.LoadAsync"/> returns.</summary>
/// <param name="Snapshot">The recorded baseline at its revision.</param>
/// <param name="Unpublished">Recorded changes the broker has not confirmed, in revision order.</param>
public sealed record StoredTypeState(TypeSnapshot Snapshot, IReadOnlyList<EntityChange> Unpublished);
