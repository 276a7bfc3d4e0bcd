using System.Text.Json;

namespace Synchronizer.Client.Rpc;

/// <summary>One change of one entity: the payload of a change notification and an element of <c>get_changes</c> (CONTRACT §3).</summary>
/// <param name="EntityType">The entity type, for example <c>nova.instance</c>.</param>
/// <param name="Id">The entity id.</param>
/// <param name="Action">Created, updated or deleted.</param>
/// <param name="Revision">The type's revision this change was given.</param>
/// <param name="Hash">The hash of <paramref name="Entity"/>.</param>
/// <param name="SampledAt">When the service read the entity (ISO 8601 text, UTC), as sent.</param>
/// <param name="Source">What made the service look: <c>poll</c>, <c>notification</c> or <c>sync</c>.</param>
/// <param name="ChangedFields">The top-level keys whose values changed (updates only).</param>
/// <param name="Entity">The entity after the change; on delete, its last known state.</param>
public sealed record EntityChange(
    string EntityType,
    string Id,
    ChangeAction Action,
    long Revision,
    string Hash,
    string? SampledAt,
    string? Source,
    IReadOnlyList<string> ChangedFields,
    JsonElement Entity);
