using System.Text.Json;

namespace Synchronizer.Client.Replication;

/// <summary>One entity of a replica, as <c>get_all</c>, <c>reconcile</c> and the notifications carry it (CONTRACT §4).</summary>
/// <param name="Id">The entity id (always a string; an integer id of the API becomes its decimal text).</param>
/// <param name="Revision">The revision of the entity's own last change.</param>
/// <param name="Hash">The entity's hash, <c>xxh3-64:&lt;16 hex digits&gt;</c>: an opaque equality token.</param>
/// <param name="Entity">The entity as the OpenStack API returns it, minus its volatile fields; a detached copy, safe to keep.</param>
public sealed record ReplicaEntity(string Id, long Revision, string Hash, JsonElement Entity);
