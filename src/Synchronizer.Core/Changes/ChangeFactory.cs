using Synchronizer.Core.Hashing;

namespace Synchronizer.Core.Changes;

/// <summary>Gives detected changes their revisions and payload fields.</summary>
internal static class ChangeFactory
{
    public static List<EntityChange> Number(
        string entityType, IReadOnlyList<DetectedChange> detected, long lastRevision, ChangeSource source, DateTimeOffset sampledAt)
    {
        var changes = new List<EntityChange>(detected.Count);
        var revision = lastRevision;
        foreach (var change in detected)
        {
            revision++;
            changes.Add(change.Action switch
            {
                ChangeAction.Create => Make(change.Current!.Hash, change.Current.Json, []),
                ChangeAction.Update => Make(change.Current!.Hash, change.Current.Json, ChangedFields.Between(change.Previous!.Json, change.Current.Json)),
                _ => Make(change.Previous!.Hash, change.Previous.Json, []),
            });

            EntityChange Make(ContentHash hash, ReadOnlyMemory<byte> json, IReadOnlyList<string> fields) =>
                new(entityType, change.Id, change.Action, revision, hash, json, fields, source, sampledAt);
        }

        return changes;
    }
}
