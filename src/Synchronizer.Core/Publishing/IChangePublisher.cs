using Synchronizer.Core.Changes;

namespace Synchronizer.Core.Publishing;

/// <summary>Publishes change notifications; implemented by the messaging layer.</summary>
public interface IChangePublisher
{
    /// <summary>Publishes changes in the given (revision) order and returns once the broker has confirmed every one.</summary>
    /// <param name="changes">Changes of one type, in revision order.</param>
    /// <param name="cancellationToken">Cancels the publishing; unconfirmed changes stay unpublished.</param>
    /// <returns>A task that completes when all changes are confirmed.</returns>
    /// <exception cref="Exception">The broker is unreachable, refused or did not confirm a message.</exception>
    Task PublishAsync(IReadOnlyList<EntityChange> changes, CancellationToken cancellationToken);
}
