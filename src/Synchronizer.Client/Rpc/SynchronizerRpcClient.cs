namespace Synchronizer.Client.Rpc;

/// <summary>The typed RPC API over an oslo RPC caller: writes the keyword arguments, reads the results.</summary>
internal sealed class SynchronizerRpcClient : ISynchronizerRpc
{
    private readonly IRpcCaller _caller;

    public SynchronizerRpcClient(IRpcCaller caller) => _caller = caller;

    public async Task<IReadOnlyList<EntityTypeStatus>> ListTypesAsync(CancellationToken cancellationToken = default) =>
        RpcResultReader.Types(await _caller.CallAsync("list_types", _ => { }, cancellationToken));

    public async Task<SnapshotPage> GetAllAsync(string entityType, string? marker = null, int limit = 1000, string? projectId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(entityType);
        var result = await _caller.CallAsync(
            "get_all",
            json =>
            {
                json.WriteString("entity_type", entityType);
                json.WriteNumber("limit", limit);
                if (marker is not null)
                {
                    json.WriteString("marker", marker);
                }

                if (projectId is not null)
                {
                    json.WriteString("project_id", projectId);
                }
            },
            cancellationToken);
        return RpcResultReader.Snapshot(result);
    }

    public async Task<ChangePage> GetChangesAsync(string entityType, long sinceRevision, int limit = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(entityType);
        var result = await _caller.CallAsync(
            "get_changes",
            json =>
            {
                json.WriteString("entity_type", entityType);
                json.WriteNumber("since_revision", sinceRevision);
                json.WriteNumber("limit", limit);
            },
            cancellationToken);
        return RpcResultReader.Changes(result);
    }

    public async Task<ReconcileResult> ReconcileAsync(string entityType, IReadOnlyDictionary<string, string> inventory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(entityType);
        ArgumentNullException.ThrowIfNull(inventory);
        var result = await _caller.CallAsync(
            "reconcile",
            json =>
            {
                json.WriteString("entity_type", entityType);
                json.WriteStartObject("inventory");
                foreach (var (id, hash) in inventory)
                {
                    json.WriteString(id, hash);
                }

                json.WriteEndObject();
            },
            cancellationToken);
        return RpcResultReader.Reconcile(result);
    }

    public async Task<IReadOnlyList<SyncResult>> SyncAsync(string? entityType = null, bool wait = true, CancellationToken cancellationToken = default)
    {
        var result = await _caller.CallAsync(
            "sync",
            json =>
            {
                if (entityType is not null)
                {
                    json.WriteString("entity_type", entityType);
                }

                json.WriteBoolean("wait", wait);
            },
            cancellationToken);
        return RpcResultReader.Sync(result);
    }
}
