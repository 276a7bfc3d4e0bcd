namespace Synchronizer.Client.Rpc;

/// <summary>The changes after a revision, as <c>get_changes</c> returns them.</summary>
/// <param name="EntityType">The entity type.</param>
/// <param name="Revision">The type's current revision.</param>
/// <param name="Changes">The changes, oldest first; fewer than the type has when the limit cut them.</param>
public sealed record ChangePage(string EntityType, long Revision, IReadOnlyList<EntityChange> Changes);
