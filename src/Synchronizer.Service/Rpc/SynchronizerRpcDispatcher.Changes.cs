using System.Text.Json;
using Synchronizer.Messaging.Oslo;
using Synchronizer.Messaging.Rpc;
using Synchronizer.Service.Sync;

namespace Synchronizer.Service.Rpc;

/// <summary><c>get_changes</c>, <c>reconcile</c> and <c>sync</c>.</summary>
internal sealed partial class SynchronizerRpcDispatcher
{
    private async Task<RpcResult> GetChangesAsync(RpcRequest request, CancellationToken cancellationToken)
    {
        var arguments = RpcArguments.Of(request, "entity_type", "since_revision", "limit");
        var type = await TypeOfAsync(arguments, cancellationToken);
        var since = arguments.GetInt64("since_revision", 0, long.MaxValue);
        var page = await type.ReadChangesAsync(since, Limit(arguments), cancellationToken);
        if (page.RevisionGone)
        {
            throw new RpcErrorException(
                RpcErrorClasses.RevisionGone,
                $"Revision {since} of {page.EntityType} is older than the retained change log (it starts after {page.FirstRetainedRevision - 1}): take a new snapshot with get_all.");
        }

        return RpcResult.FromWriter(json =>
        {
            json.WriteStartObject();
            json.WriteString("entity_type", page.EntityType);
            json.WriteNumber("revision", page.Revision);
            json.WriteStartArray("changes");
            foreach (var change in page.Changes)
            {
                ChangeNotificationWriter.WritePayload(json, change);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private async Task<RpcResult> ReconcileAsync(RpcRequest request, CancellationToken cancellationToken)
    {
        var arguments = RpcArguments.Of(request, "entity_type", "inventory");
        var type = await TypeOfAsync(arguments, cancellationToken);
        var inventory = ReadInventory(arguments.GetObject("inventory"));
        var snapshot = type.Current;
        var upserts = snapshot.Entities.Values.Where(e => !inventory.TryGetValue(e.Id, out var hash) || hash != e.Hash.ToString()).ToArray();
        var deletes = inventory.Keys.Where(id => !snapshot.Entities.ContainsKey(id)).Order(StringComparer.Ordinal).ToArray();
        return RpcResult.FromWriter(json =>
        {
            json.WriteStartObject();
            json.WriteString("entity_type", snapshot.EntityType);
            json.WriteNumber("revision", snapshot.Revision);
            json.WriteStartArray("upserts");
            foreach (var entity in upserts)
            {
                RpcJson.WriteEntity(json, entity);
            }

            json.WriteEndArray();
            json.WriteStartArray("deletes");
            foreach (var id in deletes)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private async Task<RpcResult> SyncAsync(RpcRequest request, CancellationToken cancellationToken)
    {
        var arguments = RpcArguments.Of(request, "entity_type", "wait");
        var name = arguments.GetOptionalString("entity_type");
        var wait = arguments.GetBoolean("wait", true);
        IReadOnlyList<SyncResult> results;
        if (name is null)
        {
            results = await _sync.SyncAllAsync(wait, cancellationToken);
        }
        else
        {
            var type = await TypeOfAsync(arguments, cancellationToken);
            var result = wait ? await _sync.SyncAsync(type.Descriptor.Name, cancellationToken) : _sync.Queue(type.Descriptor.Name);
            if (result.Status == SyncStatus.Failed)
            {
                throw new RpcErrorException(RpcErrorClasses.SyncFailed, $"The poll of {result.EntityType} failed: {result.Error}");
            }

            results = [result];
        }

        return RpcResult.FromWriter(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("results");
            foreach (var result in results)
            {
                WriteSyncResult(json, result);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static Dictionary<string, string> ReadInventory(JsonElement inventory)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in inventory.EnumerateObject())
        {
            if (item.Value.ValueKind != JsonValueKind.String)
            {
                throw RpcErrorException.InvalidArgument($"inventory['{item.Name}'] must be a hash string like xxh3-64:0123456789abcdef.");
            }

            result[item.Name] = item.Value.GetString()!;
        }

        return result;
    }

    private static void WriteSyncResult(Utf8JsonWriter json, SyncResult result)
    {
        json.WriteStartObject();
        json.WriteString("entity_type", result.EntityType);
        json.WriteString("status", result.Status);
        RpcJson.WriteNullableString(json, "error", result.Error);
        json.WriteNumber("revision", result.Revision);
        WriteNullableNumber(json, "created", result.Created);
        WriteNullableNumber(json, "updated", result.Updated);
        WriteNullableNumber(json, "deleted", result.Deleted);
        WriteNullableNumber(json, "duration_ms", result.DurationMs);
        json.WriteEndObject();
    }

    private static void WriteNullableNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
