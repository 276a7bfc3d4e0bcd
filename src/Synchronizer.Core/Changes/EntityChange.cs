using Synchronizer.Core.Hashing;

namespace Synchronizer.Core.Changes;

/// <summary>One change of one entity: the payload of a change notification (CONTRACT §3).</summary>
/// <param name="EntityType">The entity type.</param>
/// <param name="Id">The entity id.</param>
/// <param name="Action">Create, update or delete.</param>
/// <param name="Revision">The type's revision this change was given.</param>
/// <param name="Hash">The hash of <paramref name="Entity"/>.</param>
/// <param name="Entity">The full current entity as canonical JSON; on delete, the last known state.</param>
/// <param name="ChangedFields">The top-level keys whose values differ (updates only; empty otherwise).</param>
/// <param name="Source">What made the service look.</param>
/// <param name="SampledAt">When the entity's state was read from the API.</param>
public sealed record EntityChange(
    string EntityType,
    string Id,
    ChangeAction Action,
    long Revision,
    ContentHash Hash,
    ReadOnlyMemory<byte> Entity,
    IReadOnlyList<string> ChangedFields,
    ChangeSource Source,
    DateTimeOffset SampledAt);
