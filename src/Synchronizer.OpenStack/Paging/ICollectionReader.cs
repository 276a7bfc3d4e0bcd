namespace Synchronizer.OpenStack.Paging;

/// <summary>Reads a paginated list call to its end.</summary>
public interface ICollectionReader
{
    /// <summary>Streams every item of the collection, page after page.</summary>
    /// <param name="request">The list call.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The items in API order. The enumeration ends normally only after the last page.</returns>
    /// <exception cref="OpenStackException">A page failed, could not be parsed, or paging did not make progress.</exception>
    IAsyncEnumerable<ListedItem> ReadAllAsync(CollectionRequest request, CancellationToken cancellationToken);
}
