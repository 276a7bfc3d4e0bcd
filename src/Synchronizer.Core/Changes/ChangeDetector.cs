using Synchronizer.Core.State;

namespace Synchronizer.Core.Changes;

/// <summary>
/// Compares a complete listing with the baseline: a new id is a create, a changed hash an update,
/// a vanished id a delete. Only ever call it with a complete listing.
/// </summary>
public static class ChangeDetector
{
    /// <summary>Finds the changes between <paramref name="baseline"/> and <paramref name="observed"/>, in ordinal id order.</summary>
    /// <param name="baseline">The entities as last recorded.</param>
    /// <param name="observed">Every entity of a complete listing, by id.</param>
    /// <returns>The changes; empty when nothing changed.</returns>
    public static IReadOnlyList<DetectedChange> Detect(
        IReadOnlyDictionary<string, StoredEntity> baseline,
        IReadOnlyDictionary<string, ObservedEntity> observed)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(observed);
        var changes = new List<DetectedChange>();
        foreach (var current in observed.Values)
        {
            if (!baseline.TryGetValue(current.Id, out var previous))
            {
                changes.Add(new DetectedChange(ChangeAction.Create, current.Id, current, null));
            }
            else if (previous.Hash != current.Hash)
            {
                changes.Add(new DetectedChange(ChangeAction.Update, current.Id, current, previous));
            }
        }

        foreach (var previous in baseline.Values)
        {
            if (!observed.ContainsKey(previous.Id))
            {
                changes.Add(new DetectedChange(ChangeAction.Delete, previous.Id, null, previous));
            }
        }

        // Ordinal id order makes revisions reproducible for the same listing, whatever the page order.
        changes.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        return changes;
    }

    /// <summary>Compares one entity just read by id with its baseline entry (the push path).</summary>
    /// <param name="id">The entity id.</param>
    /// <param name="previous">What the baseline holds; <see langword="null"/> when the id is unknown.</param>
    /// <param name="current">What the API returned; <see langword="null"/> when it answered 404.</param>
    /// <returns>The change, or <see langword="null"/> when the entity is unchanged (or unknown and gone).</returns>
    public static DetectedChange? DetectOne(string id, StoredEntity? previous, ObservedEntity? current) => (previous, current) switch
    {
        (null, null) => null,
        (null, { } created) => new DetectedChange(ChangeAction.Create, id, created, null),
        ({ } deleted, null) => new DetectedChange(ChangeAction.Delete, id, null, deleted),
        ({ } before, { } after) when before.Hash == after.Hash => null,
        ({ } before, { } after) => new DetectedChange(ChangeAction.Update, id, after, before),
    };
}
