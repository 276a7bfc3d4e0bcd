using System.Text.Json;
using Synchronizer.Client.Replication;

namespace Synchronizer.Client.Rpc;

/// <summary>Reads the results of the RPC methods (CONTRACT §4) and the notification payload (§3).</summary>
/// <remarks>Every problem is an <see cref="InvalidDataException"/> that says which field of which answer is wrong.</remarks>
internal static class RpcResultReader
{
    public static IReadOnlyList<EntityTypeStatus> Types(JsonElement result) =>
        Array(result, "types", "list_types").Select(t => new EntityTypeStatus(
            String(t, "entity_type", "list_types"),
            Int64(t, "revision", "list_types"),
            OptionalInt64(t, "count") ?? 0,
            OptionalString(t, "last_poll_at"),
            OptionalString(t, "last_poll_status"),
            OptionalString(t, "last_error"))).ToArray();

    public static SnapshotPage Snapshot(JsonElement result) => new(
        String(result, "entity_type", "get_all"),
        Int64(result, "revision", "get_all"),
        Array(result, "entities", "get_all").Select(e => Entity(e, "get_all")).ToArray(),
        OptionalString(result, "next_marker"));

    public static ChangePage Changes(JsonElement result) => new(
        String(result, "entity_type", "get_changes"),
        Int64(result, "revision", "get_changes"),
        Array(result, "changes", "get_changes").Select(c => Change(c, "get_changes")).ToArray());

    public static ReconcileResult Reconcile(JsonElement result) => new(
        String(result, "entity_type", "reconcile"),
        Int64(result, "revision", "reconcile"),
        Array(result, "upserts", "reconcile").Select(e => Entity(e, "reconcile")).ToArray(),
        Array(result, "deletes", "reconcile").Select(d => d.ValueKind == JsonValueKind.String ? d.GetString()! : throw Invalid("reconcile", "deletes", "strings")).ToArray());

    public static IReadOnlyList<SyncResult> Sync(JsonElement result) =>
        Array(result, "results", "sync").Select(r => new SyncResult(
            String(r, "entity_type", "sync"),
            String(r, "status", "sync"),
            OptionalString(r, "error"),
            OptionalInt64(r, "revision"),
            OptionalInt64(r, "created") ?? 0,
            OptionalInt64(r, "updated") ?? 0,
            OptionalInt64(r, "deleted") ?? 0,
            OptionalInt64(r, "duration_ms") ?? 0)).ToArray();

    /// <summary>Reads a change payload (a notification's <c>payload</c> or an element of <c>get_changes</c>).</summary>
    public static EntityChange Change(JsonElement payload, string what)
    {
        var action = String(payload, "action", what) switch
        {
            "create" => ChangeAction.Create,
            "update" => ChangeAction.Update,
            "delete" => ChangeAction.Delete,
            var other => throw new InvalidDataException($"{what}: unknown action '{other}'."),
        };
        var fields = payload.TryGetProperty("changed_fields", out var f) && f.ValueKind == JsonValueKind.Array
            ? f.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToArray()
            : [];
        return new EntityChange(
            String(payload, "entity_type", what),
            String(payload, "id", what),
            action,
            Int64(payload, "revision", what),
            String(payload, "hash", what),
            OptionalString(payload, "sampled_at"),
            OptionalString(payload, "source"),
            fields,
            Object(payload, "entity", what));
    }

    private static ReplicaEntity Entity(JsonElement element, string what) => new(
        String(element, "id", what),
        Int64(element, "revision", what),
        String(element, "hash", what),
        Object(element, "entity", what));

    private static JsonElement.ArrayEnumerator Array(JsonElement parent, string name, string what) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw Invalid(what, name, "an array");

    private static string String(JsonElement parent, string name, string what) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Invalid(what, name, "a string");

    private static long Int64(JsonElement parent, string name, string what) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw Invalid(what, name, "an integer");

    private static JsonElement Object(JsonElement parent, string name, string what) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value.Clone()
            : throw Invalid(what, name, "an object");

    private static string? OptionalString(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? OptionalInt64(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    private static InvalidDataException Invalid(string what, string field, string expected) =>
        new($"The synchronizer's {what} answer does not follow the contract: '{field}' must be {expected}.");
}
