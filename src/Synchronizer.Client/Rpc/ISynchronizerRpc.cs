namespace Synchronizer.Client.Rpc;

/// <summary>
/// The synchronizer's RPC API (CONTRACT §4), called over oslo.messaging's RabbitMQ protocol. Failures
/// of the service come back as <see cref="SynchronizerRpcException"/> with the contract's class name.
/// </summary>
public interface ISynchronizerRpc
{
    /// <summary>Lists the entity types with their revision, count and last poll (<c>list_types</c>).</summary>
    /// <param name="cancellationToken">Cancels the wait for the answer.</param>
    /// <returns>The entity types.</returns>
    /// <exception cref="SynchronizerRpcException">The service answered with a failure.</exception>
    /// <exception cref="TimeoutException">No answer came in time.</exception>
    Task<IReadOnlyList<EntityTypeStatus>> ListTypesAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one page of a consistent snapshot (<c>get_all</c>): the first call pins the type's state, <paramref name="marker"/> continues it.</summary>
    /// <param name="entityType">The entity type, for example <c>nova.instance</c>.</param>
    /// <param name="marker">The previous page's <see cref="SnapshotPage.NextMarker"/>; <see langword="null"/> to start a snapshot.</param>
    /// <param name="limit">The page size, 1 to 5000.</param>
    /// <param name="projectId">Only the entities of this project; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the wait for the answer.</param>
    /// <returns>The page.</returns>
    /// <exception cref="SynchronizerRpcException"><see cref="RpcErrorClasses.UnknownEntityType"/>, <see cref="RpcErrorClasses.InvalidArgument"/>, <see cref="RpcErrorClasses.SnapshotExpired"/>.</exception>
    /// <exception cref="TimeoutException">No answer came in time.</exception>
    Task<SnapshotPage> GetAllAsync(string entityType, string? marker = null, int limit = 1000, string? projectId = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the changes after <paramref name="sinceRevision"/>, oldest first (<c>get_changes</c>).</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="sinceRevision">The last revision the caller has.</param>
    /// <param name="limit">The most changes to return.</param>
    /// <param name="cancellationToken">Cancels the wait for the answer.</param>
    /// <returns>The changes.</returns>
    /// <exception cref="SynchronizerRpcException"><see cref="RpcErrorClasses.RevisionGone"/> when the log no longer reaches back that far; <see cref="RpcErrorClasses.UnknownEntityType"/>.</exception>
    /// <exception cref="TimeoutException">No answer came in time.</exception>
    Task<ChangePage> GetChangesAsync(string entityType, long sinceRevision, int limit = 1000, CancellationToken cancellationToken = default);

    /// <summary>Compares an inventory with the service's state (<c>reconcile</c>).</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="inventory">The caller's entities: id to hash.</param>
    /// <param name="cancellationToken">Cancels the wait for the answer.</param>
    /// <returns>What to upsert and delete, and the revision that reaches.</returns>
    /// <exception cref="SynchronizerRpcException">The service answered with a failure.</exception>
    /// <exception cref="TimeoutException">No answer came in time.</exception>
    Task<ReconcileResult> ReconcileAsync(string entityType, IReadOnlyDictionary<string, string> inventory, CancellationToken cancellationToken = default);

    /// <summary>Polls now (<c>sync</c>): one type, or all of them.</summary>
    /// <param name="entityType">The entity type; <see langword="null"/> for all.</param>
    /// <param name="wait">Whether to wait for the polls (otherwise the answer says <c>queued</c> at once).</param>
    /// <param name="cancellationToken">Cancels the wait for the answer.</param>
    /// <returns>One result per type.</returns>
    /// <exception cref="SynchronizerRpcException"><see cref="RpcErrorClasses.SyncFailed"/> when the poll of the one named type failed.</exception>
    /// <exception cref="TimeoutException">No answer came in time.</exception>
    Task<IReadOnlyList<SyncResult>> SyncAsync(string? entityType = null, bool wait = true, CancellationToken cancellationToken = default);
}
