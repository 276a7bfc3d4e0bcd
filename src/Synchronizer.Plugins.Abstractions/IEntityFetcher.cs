namespace Synchronizer.Plugins.Abstractions;

/// <summary>
/// Reads one entity by id, for the push path: when OpenStack announces a change, the synchronizer
/// re-reads that entity at once instead of waiting for the next full poll.
/// </summary>
/// <remarks>
/// A poller may also implement this interface; the synchronizer finds it with a type test on the
/// registered <see cref="IEntityPoller"/>, so no separate registration is needed. The record returned
/// must be the entity exactly as <see cref="IEntityPoller.ListAsync"/> would list it (same endpoint
/// representation, same microversion), or the hash of a refreshed entity would differ from the next
/// poll's and consumers would see a change that never happened. Like a poller, a fetcher never
/// diffs, hashes, caches or publishes.
/// </remarks>
public interface IEntityFetcher
{
    /// <summary>Reads the entity with the given id.</summary>
    /// <param name="id">The entity id, as <see cref="EntityRecord.Id"/> gives it.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The entity as the list would show it, or <see langword="null"/> when the API says it does not
    /// exist (HTTP 404) or it is in a state the list leaves out (for example a deleted Heat stack): the
    /// synchronizer then treats it as deleted.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty.</exception>
    /// <exception cref="Exception">Any other failure; the synchronizer leaves the entity as it was and the next poll settles it.</exception>
    Task<EntityRecord?> GetAsync(string id, CancellationToken cancellationToken);
}
