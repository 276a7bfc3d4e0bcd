using System.Runtime.CompilerServices;

namespace Synchronizer.Client.Rpc;

/// <summary>Conveniences over <see cref="ISynchronizerRpc"/>.</summary>
public static class SynchronizerRpcExtensions
{
    /// <summary>
    /// Reads every page of one consistent snapshot of a type (<c>get_all</c>, CONTRACT §4): the first page
    /// pins the type's state at a revision, the following ones continue it with their marker. The pages
    /// come as they arrive, so a caller can show or store them without holding the whole type.
    /// </summary>
    /// <param name="rpc">The RPC API.</param>
    /// <param name="entityType">The entity type, for example <c>nova.instance</c>.</param>
    /// <param name="pageSize">The page size, 1 to 5000. The default value is 1000.</param>
    /// <param name="projectId">Only the entities of this project; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the wait for the next page.</param>
    /// <returns>The pages, in id order; every one reports the same revision.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not from 1 to 5000.</exception>
    /// <exception cref="SynchronizerRpcException">
    /// <see cref="RpcErrorClasses.UnknownEntityType"/>; <see cref="RpcErrorClasses.SnapshotExpired"/> when the
    /// snapshot expired between two pages, or a page reported another revision: start over.
    /// </exception>
    /// <exception cref="TimeoutException">No answer came in time.</exception>
    public static async IAsyncEnumerable<SnapshotPage> ReadSnapshotAsync(
        this ISynchronizerRpc rpc, string entityType, int pageSize = 1000, string? projectId = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentException.ThrowIfNullOrEmpty(entityType);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 5000);
        long? pinned = null;
        string? marker = null;
        do
        {
            var page = await rpc.GetAllAsync(entityType, marker, pageSize, projectId, cancellationToken);
            if (pinned is { } revision && page.Revision != revision)
            {
                throw new SynchronizerRpcException(
                    RpcErrorClasses.SnapshotExpired,
                    $"The snapshot of {entityType} moved from revision {revision} to {page.Revision} between two pages: start over.");
            }

            pinned = page.Revision;
            marker = page.NextMarker;
            yield return page;
        }
        while (marker is not null);
    }
}
