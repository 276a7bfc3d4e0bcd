using Synchronizer.Core.Changes;

namespace Synchronizer.Core.State;

/// <summary>
/// Where the baseline, the revisions and the change log are kept. A change is appended (and so
/// recorded durably, for a durable store) before it is published, and marked published after the
/// broker confirms it; at start-up the unpublished ones go out first.
/// </summary>
/// <remarks>
/// The change log keeps at least the configured retention of changes per type and never drops a
/// change that is not yet published, so the retained revisions always form one dense range ending at
/// the type's current revision.
/// </remarks>
public interface IChangeStore
{
    /// <summary>Loads a type's recorded state and the changes not yet confirmed by the broker.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The snapshot and the unpublished changes, in revision order.</returns>
    Task<StoredTypeState> LoadAsync(string entityType, CancellationToken cancellationToken);

    /// <summary>Records changes (with their revisions) and applies them to the baseline, atomically.</summary>
    /// <param name="changes">The changes of one type, in revision order, continuing the type's revision densely.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once the changes are recorded.</returns>
    /// <exception cref="InvalidOperationException">The changes do not continue the type's recorded revision densely.</exception>
    Task AppendAsync(IReadOnlyList<EntityChange> changes, CancellationToken cancellationToken);

    /// <summary>Marks a type's changes up to and including <paramref name="throughRevision"/> as confirmed by the broker.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="throughRevision">The last confirmed revision.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once the mark is recorded.</returns>
    Task MarkPublishedAsync(string entityType, long throughRevision, CancellationToken cancellationToken);

    /// <summary>Reads the retained change log after a revision (CONTRACT §4 <c>get_changes</c>).</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="afterRevision">The last revision the caller has; changes after it are returned.</param>
    /// <param name="limit">The most changes to return; at least 1.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The changes with revision &gt; <paramref name="afterRevision"/>, oldest first, published or not;
    /// <see cref="ChangeLogPage.RevisionGone"/> when some of them are no longer retained.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="afterRevision"/> is negative or <paramref name="limit"/> is below 1.</exception>
    Task<ChangeLogPage> ReadChangesAsync(string entityType, long afterRevision, int limit, CancellationToken cancellationToken);
}
