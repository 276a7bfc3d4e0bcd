using Synchronizer.Core.Changes;

namespace Synchronizer.Core.State;

/// <summary>What <see cref="IChangeStore.ReadChangesAsync"/> returns: a slice of a type's retained change log.</summary>
/// <param name="EntityType">The entity type.</param>
/// <param name="AfterRevision">The revision the caller asked to continue from.</param>
/// <param name="Revision">The type's current (last recorded) revision.</param>
/// <param name="FirstRetainedRevision">The oldest revision still in the log; <paramref name="Revision"/> + 1 when the log is empty.</param>
/// <param name="Changes">The changes after <paramref name="AfterRevision"/>, oldest first, at most the limit asked; empty when <see cref="RevisionGone"/>.</param>
public sealed record ChangeLogPage(string EntityType, long AfterRevision, long Revision, long FirstRetainedRevision, IReadOnlyList<EntityChange> Changes)
{
    /// <summary>
    /// Gets a value indicating whether changes right after <see cref="AfterRevision"/> were already dropped by retention
    /// (CONTRACT §4 <c>RevisionGone</c>): the caller must take a new snapshot instead.
    /// </summary>
    public bool RevisionGone => IsGone(AfterRevision, FirstRetainedRevision);

    /// <summary>Gets a value indicating whether more changes follow the last one returned.</summary>
    public bool HasMore => !RevisionGone && (Changes.Count > 0 ? Changes[^1].Revision : AfterRevision) < Revision;

    /// <summary>Tells whether a log whose oldest retained revision is <paramref name="firstRetainedRevision"/> can continue <paramref name="afterRevision"/>.</summary>
    /// <param name="afterRevision">The revision the caller has.</param>
    /// <param name="firstRetainedRevision">The oldest retained revision.</param>
    /// <returns><see langword="true"/> when revision <paramref name="afterRevision"/> + 1 is no longer retained.</returns>
    public static bool IsGone(long afterRevision, long firstRetainedRevision) => afterRevision + 1 < firstRetainedRevision;
}
