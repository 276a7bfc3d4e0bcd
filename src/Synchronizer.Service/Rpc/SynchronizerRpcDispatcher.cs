using Synchronizer.Core.Polling;
using Synchronizer.Messaging.Rpc;
using Synchronizer.Service.Metrics;
using Synchronizer.Service.Sync;

namespace Synchronizer.Service.Rpc;

/// <summary>
/// The RPC methods of CONTRACT §4 on top of the engine: it checks the arguments, maps failures to the
/// contract's error classes and counts each call by method and result.
/// </summary>
internal sealed partial class SynchronizerRpcDispatcher : IRpcDispatcher
{
    private const int MaxLimit = 5000;
    private const int DefaultLimit = 1000;

    private readonly EnabledTypes _types;
    private readonly SyncCoordinator _sync;
    private readonly PinnedSnapshots _snapshots;
    private readonly SynchronizerMetrics _metrics;

    public SynchronizerRpcDispatcher(EnabledTypes types, SyncCoordinator sync, PinnedSnapshots snapshots, SynchronizerMetrics metrics)
    {
        _types = types;
        _sync = sync;
        _snapshots = snapshots;
        _metrics = metrics;
    }

    public async Task<RpcResult> DispatchAsync(RpcRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var known = request.Method is RpcMethodNames.ListTypes or RpcMethodNames.GetAll or RpcMethodNames.GetChanges or RpcMethodNames.Reconcile or RpcMethodNames.Sync;

        // Unknown method names are counted as "other" so a client cannot mint unbounded label values.
        var method = known ? request.Method : "other";
        try
        {
            var result = request.Method switch
            {
                RpcMethodNames.ListTypes => ListTypes(request),
                RpcMethodNames.GetAll => await GetAllAsync(request, cancellationToken),
                RpcMethodNames.GetChanges => await GetChangesAsync(request, cancellationToken),
                RpcMethodNames.Reconcile => await ReconcileAsync(request, cancellationToken),
                RpcMethodNames.Sync => await SyncAsync(request, cancellationToken),
                _ => throw RpcErrorException.UnknownMethod(request.Method),
            };
            _metrics.RecordRpcCall(method, "ok");
            return result;
        }
        catch (RpcErrorException ex)
        {
            _metrics.RecordRpcCall(method, ex.ClassName);
            throw;
        }
    }

    private async Task<TypeSynchronizer> TypeOfAsync(RpcArguments arguments, CancellationToken cancellationToken)
    {
        var name = arguments.GetString("entity_type");
        if (!_types.TryGet(name, out var type))
        {
            throw new RpcErrorException(RpcErrorClasses.UnknownEntityType, $"Unknown entity type '{name}': known types are {string.Join(", ", _types.All.Select(t => t.Descriptor.Name))}.");
        }

        // The RPC server may answer before start-up recovery loaded the recorded state.
        await type.EnsureLoadedAsync(cancellationToken);
        return type;
    }

    private static int Limit(RpcArguments arguments) => (int)arguments.GetInt64("limit", DefaultLimit, 1, MaxLimit);
}
