using Synchronizer.Core.Hashing;

namespace Synchronizer.Core.Changes;

/// <summary>An entity as a listing or a refresh just read it, canonicalized and hashed.</summary>
/// <param name="Id">The entity id.</param>
/// <param name="Hash">The hash of <paramref name="Json"/>.</param>
/// <param name="Json">The canonical JSON, volatile fields removed.</param>
public sealed record ObservedEntity(string Id, ContentHash Hash, ReadOnlyMemory<byte> Json);
