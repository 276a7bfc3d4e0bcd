using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Synchronizer.Core.Changes;

namespace Synchronizer.Core.State;

/// <summary>
/// The recorded state of one entity type at one revision. Immutable: a consumer paging through
/// <c>get_all</c> holds one of these while later changes build new ones that share structure.
/// </summary>
/// <param name="EntityType">The entity type.</param>
/// <param name="Revision">The revision of the type's last recorded change (0 before any).</param>
/// <param name="Entities">The entities by id, in ordinal id order.</param>
public sealed record TypeSnapshot(string EntityType, long Revision, ImmutableSortedDictionary<string, StoredEntity> Entities)
{
    // The sorted dictionary cannot seek to a key, so a paged snapshot gets a flat id-ordered array
    // (8 bytes per entity), built on its first page and dropped with the dictionary it indexes.
    private static readonly ConditionalWeakTable<ImmutableSortedDictionary<string, StoredEntity>, StoredEntity[]> OrderedIndex = new();

    /// <summary>Creates the empty state of a type that has never recorded a change.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <returns>An empty snapshot at revision 0.</returns>
    public static TypeSnapshot Empty(string entityType) =>
        new(entityType, 0, ImmutableSortedDictionary.Create<string, StoredEntity>(StringComparer.Ordinal));

    /// <summary>Applies changes of this type, in revision order, and returns the resulting snapshot.</summary>
    /// <param name="changes">Changes continuing this snapshot's revision densely.</param>
    /// <returns>The new snapshot; this one is unchanged.</returns>
    /// <exception cref="InvalidOperationException">A change is of another type or does not continue the revision.</exception>
    public TypeSnapshot Apply(IReadOnlyList<EntityChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var entities = Entities.ToBuilder();
        var revision = Revision;
        foreach (var change in changes)
        {
            if (change.EntityType != EntityType || change.Revision != revision + 1)
            {
                throw new InvalidOperationException(
                    $"Change {change.EntityType} r{change.Revision} does not continue {EntityType} at r{revision}.");
            }

            revision = change.Revision;
            if (change.Action == ChangeAction.Delete)
            {
                entities.Remove(change.Id);
            }
            else
            {
                entities[change.Id] = new StoredEntity(change.Id, change.Hash, change.Entity, change.Revision);
            }
        }

        return this with { Revision = revision, Entities = entities.ToImmutable() };
    }

    /// <summary>Returns one page of this snapshot in ordinal id order (CONTRACT §4 <c>get_all</c>).</summary>
    /// <param name="marker">The last id of the previous page; <see langword="null"/> for the first page. It need not exist in this snapshot.</param>
    /// <param name="limit">The most entities to return; at least 1.</param>
    /// <param name="filter">Keeps only the entities it accepts, for example <see cref="ProjectFilter.For"/>; <see langword="null"/> keeps all.</param>
    /// <returns>The entities after <paramref name="marker"/>, and the marker of the next page when more entities match.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is below 1.</exception>
    public SnapshotPage Page(string? marker, int limit, Func<StoredEntity, bool>? filter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var ordered = OrderedIndex.GetValue(Entities, Flatten);
        var start = marker is null ? 0 : FirstAfter(ordered, marker);
        if (filter is null)
        {
            var count = Math.Min(limit, ordered.Length - start);
            var next = start + count < ordered.Length ? ordered[start + count - 1].Id : null;
            return new SnapshotPage(EntityType, Revision, new ArraySegment<StoredEntity>(ordered, start, count), next);
        }

        var page = new List<StoredEntity>();
        var index = start;
        for (; index < ordered.Length && page.Count < limit; index++)
        {
            if (filter(ordered[index]))
            {
                page.Add(ordered[index]);
            }
        }

        // A next marker only when another entity matches, so the last page never comes back empty.
        var more = false;
        for (; index < ordered.Length && !more; index++)
        {
            more = filter(ordered[index]);
        }

        return new SnapshotPage(EntityType, Revision, page, more ? page[^1].Id : null);
    }

    private static StoredEntity[] Flatten(ImmutableSortedDictionary<string, StoredEntity> entities)
    {
        var ordered = new StoredEntity[entities.Count];
        var index = 0;
        foreach (var entity in entities.Values)
        {
            ordered[index++] = entity;
        }

        return ordered;
    }

    private static int FirstAfter(StoredEntity[] ordered, string marker)
    {
        int low = 0, high = ordered.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (string.CompareOrdinal(ordered[middle].Id, marker) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
