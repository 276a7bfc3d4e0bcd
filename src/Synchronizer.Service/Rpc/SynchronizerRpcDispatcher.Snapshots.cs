using Synchronizer.Core.State;
using Synchronizer.Messaging.Rpc;
using Synchronizer.Service.AdminApi;

namespace Synchronizer.Service.Rpc;

/// <summary><c>list_types</c> and <c>get_all</c>.</summary>
internal sealed partial class SynchronizerRpcDispatcher
{
    private RpcResult ListTypes(RpcRequest request)
    {
        RpcArguments.Of(request);
        var types = _types.All.Select(EntityTypeSummary.Of).ToArray();
        return RpcResult.FromWriter(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("types");
            foreach (var type in types)
            {
                json.WriteStartObject();
                json.WriteString("entity_type", type.EntityType);
                json.WriteNumber("revision", type.Revision);
                json.WriteNumber("count", type.Count);
                RpcJson.WriteNullableString(json, "last_poll_at", type.LastPollAt);
                RpcJson.WriteNullableString(json, "last_poll_status", type.LastPollStatus);
                RpcJson.WriteNullableString(json, "last_error", type.LastError);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private async Task<RpcResult> GetAllAsync(RpcRequest request, CancellationToken cancellationToken)
    {
        var arguments = RpcArguments.Of(request, "entity_type", "marker", "limit", "project_id");
        var type = await TypeOfAsync(arguments, cancellationToken);
        var limit = Limit(arguments);
        var projectId = arguments.GetOptionalString("project_id");
        var (snapshotId, snapshot, after) = ResolveMarker(arguments.GetOptionalString("marker"), type.Descriptor.Name, type.Current);
        var page = snapshot.Page(after, limit, projectId is null ? null : ProjectFilter.For(projectId));
        string? nextMarker = null;
        if (page.NextMarker is not null)
        {
            nextMarker = $"{snapshotId}:{page.NextMarker}";
        }
        else
        {
            _snapshots.Release(snapshotId);
        }

        return RpcResult.FromWriter(json =>
        {
            json.WriteStartObject();
            json.WriteString("entity_type", page.EntityType);
            json.WriteNumber("revision", page.Revision);
            json.WriteStartArray("entities");
            foreach (var entity in page.Entities)
            {
                RpcJson.WriteEntity(json, entity);
            }

            json.WriteEndArray();
            RpcJson.WriteNullableString(json, "next_marker", nextMarker);
            json.WriteEndObject();
        });
    }

    private (string SnapshotId, TypeSnapshot Snapshot, string? After) ResolveMarker(string? marker, string entityType, TypeSnapshot current)
    {
        if (marker is null)
        {
            return (_snapshots.Pin(current), current, null);
        }

        var colon = marker.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw RpcErrorException.InvalidArgument($"marker '{marker}' is not a marker get_all returned; start over without one.");
        }

        var snapshotId = marker[..colon];
        var snapshot = _snapshots.Find(snapshotId, entityType)
            ?? throw new RpcErrorException(RpcErrorClasses.SnapshotExpired, $"The snapshot of marker '{marker}' has expired (kept {PinnedSnapshots.Ttl.TotalSeconds:0} s after its last page): start over without a marker.");
        return (snapshotId, snapshot, marker[(colon + 1)..]);
    }
}
