using System.Collections.Immutable;
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
}
