using Synchronizer.Core.Hashing;

namespace Synchronizer.Core.State;

/// <summary>An entity as the baseline holds it.</summary>
/// <param name="Id">The entity id.</param>
/// <param name="Hash">The hash of <paramref name="Json"/>.</param>
/// <param name="Json">The entity's canonical JSON (volatile fields removed).</param>
/// <param name="Revision">The revision of the entity's own last change.</param>
public sealed record StoredEntity(string Id, ContentHash Hash, ReadOnlyMemory<byte> Json, long Revision);
