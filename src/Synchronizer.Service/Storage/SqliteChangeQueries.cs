using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Synchronizer.Core.Changes;
using Synchronizer.Core.State;

namespace Synchronizer.Service.Storage;

/// <summary>The statements of <see cref="SqliteChangeStore"/>; each runs on its connection, inside its transaction when it has one.</summary>
internal static class SqliteChangeQueries
{
    private const int CancellationCheckInterval = 1024;

    /// <summary>A type's row: its key, current revision and the last revision the broker confirmed.</summary>
    public readonly record struct TypeRow(long Id, long Revision, long PublishedThrough);

    public static TypeRow? FindType(SqliteConnection connection, string entityType)
    {
        using var command = Command(connection, "SELECT type_id, revision, published_through FROM entity_types WHERE name = $name");
        command.Parameters.AddWithValue("$name", entityType);
        using var row = command.ExecuteReader();
        return row.Read() ? new TypeRow(row.GetInt64(0), row.GetInt64(1), row.GetInt64(2)) : null;
    }

    public static long EnsureType(SqliteConnection connection, string entityType)
    {
        using var command = Command(
            connection,
            "INSERT INTO entity_types (name) VALUES ($name) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING type_id");
        command.Parameters.AddWithValue("$name", entityType);
        return (long)command.ExecuteScalar()!;
    }

    public static StoredTypeState Load(SqliteConnection connection, string entityType, string database)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var empty = TypeSnapshot.Empty(entityType);
        if (FindType(connection, entityType) is not { } type)
        {
            return new StoredTypeState(empty, []);
        }

        var entities = empty.Entities.ToBuilder();
        using (var command = Command(connection, $"SELECT {SqliteChangeRows.EntityColumns} FROM baseline WHERE type_id = $type"))
        {
            command.Parameters.AddWithValue("$type", type.Id);
            using var row = command.ExecuteReader();
            while (row.Read())
            {
                var entity = SqliteChangeRows.ReadEntity(row);
                entities[entity.Id] = entity;
            }
        }

        var unpublished = ReadLog(connection, entityType, type.Id, type.PublishedThrough, int.MaxValue);
        if (unpublished.Count != type.Revision - type.PublishedThrough)
        {
            throw new StateStoreException(
                $"{DatabaseConnection.Setting}: the change log of {entityType} in '{database}' misses unpublished revisions after {type.PublishedThrough}: " +
                "the file was changed outside the synchronizer; restore it from a backup, or move it away to start from an empty state.");
        }

        return new StoredTypeState(new TypeSnapshot(entityType, type.Revision, entities.ToImmutable()), unpublished);
    }

    /// <summary>Writes the changes to the log and the baseline and advances the revision; returns the new revision.</summary>
    /// <exception cref="InvalidOperationException">The changes are of several types, or do not continue the recorded revision densely.</exception>
    public static long Append(SqliteConnection connection, long type, IReadOnlyList<EntityChange> changes, CancellationToken cancellationToken)
    {
        using var current = Command(connection, "SELECT revision FROM entity_types WHERE type_id = $type");
        current.Parameters.AddWithValue("$type", type);
        var revision = (long)current.ExecuteScalar()!;

        using var log = Command(
            connection,
            $"INSERT INTO change_log (type_id, {SqliteChangeRows.ChangeColumns}) VALUES ($type, $revision, $id, $action, $hash, $entity, $fields, $source, $sampled)");
        log.Parameters.AddWithValue("$type", type);
        var logRevision = log.Parameters.Add("$revision", SqliteType.Integer);
        var logId = log.Parameters.Add("$id", SqliteType.Text);
        var logAction = log.Parameters.Add("$action", SqliteType.Text);
        var logHash = log.Parameters.Add("$hash", SqliteType.Integer);
        var logEntity = log.Parameters.Add("$entity", SqliteType.Blob);
        var logFields = log.Parameters.Add("$fields", SqliteType.Text);
        var logSource = log.Parameters.Add("$source", SqliteType.Text);
        var logSampled = log.Parameters.Add("$sampled", SqliteType.Text);

        using var upsert = Command(
            connection,
            "INSERT INTO baseline (type_id, id, hash, entity, revision) VALUES ($type, $id, $hash, $entity, $revision) " +
            "ON CONFLICT (type_id, id) DO UPDATE SET hash = excluded.hash, entity = excluded.entity, revision = excluded.revision");
        upsert.Parameters.AddWithValue("$type", type);
        var upsertId = upsert.Parameters.Add("$id", SqliteType.Text);
        var upsertHash = upsert.Parameters.Add("$hash", SqliteType.Integer);
        var upsertEntity = upsert.Parameters.Add("$entity", SqliteType.Blob);
        var upsertRevision = upsert.Parameters.Add("$revision", SqliteType.Integer);

        using var delete = Command(connection, "DELETE FROM baseline WHERE type_id = $type AND id = $id");
        delete.Parameters.AddWithValue("$type", type);
        var deleteId = delete.Parameters.Add("$id", SqliteType.Text);

        var entityType = changes[0].EntityType;
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            if (change.EntityType != entityType || change.Revision != revision + 1)
            {
                throw new InvalidOperationException($"Change {change.EntityType} r{change.Revision} does not continue {entityType} at r{revision}.");
            }

            if (i % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            revision = change.Revision;
            var entity = AsArray(change.Entity);
            logRevision.Value = change.Revision;
            logId.Value = change.Id;
            logAction.Value = SqliteChangeRows.ToColumn(change.Action);
            logHash.Value = SqliteChangeRows.ToColumn(change.Hash);
            logEntity.Value = entity;
            logFields.Value = SqliteChangeRows.ToColumn(change.ChangedFields);
            logSource.Value = SqliteChangeRows.ToColumn(change.Source);
            logSampled.Value = SqliteChangeRows.ToColumn(change.SampledAt);
            log.ExecuteNonQuery();
            if (change.Action == ChangeAction.Delete)
            {
                deleteId.Value = change.Id;
                delete.ExecuteNonQuery();
            }
            else
            {
                upsertId.Value = change.Id;
                upsertHash.Value = SqliteChangeRows.ToColumn(change.Hash);
                upsertEntity.Value = entity;
                upsertRevision.Value = change.Revision;
                upsert.ExecuteNonQuery();
            }
        }

        using var advance = Command(connection, "UPDATE entity_types SET revision = $revision WHERE type_id = $type");
        advance.Parameters.AddWithValue("$revision", revision);
        advance.Parameters.AddWithValue("$type", type);
        advance.ExecuteNonQuery();
        return revision;
    }

    /// <summary>Moves the published mark forward (never back, never past the revision); returns the type's revision.</summary>
    public static long MarkPublished(SqliteConnection connection, long type, long throughRevision)
    {
        using var command = Command(
            connection,
            "UPDATE entity_types SET published_through = max(published_through, min($through, revision)) WHERE type_id = $type RETURNING revision");
        command.Parameters.AddWithValue("$through", throughRevision);
        command.Parameters.AddWithValue("$type", type);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Drops published changes up to <paramref name="beyondRetention"/>: the retention is kept, unpublished ones always.</summary>
    public static void Prune(SqliteConnection connection, long type, long beyondRetention)
    {
        using var command = Command(
            connection,
            "DELETE FROM change_log WHERE type_id = $type AND revision <= min($through, (SELECT published_through FROM entity_types WHERE type_id = $type))");
        command.Parameters.AddWithValue("$type", type);
        command.Parameters.AddWithValue("$through", beyondRetention);
        command.ExecuteNonQuery();
    }

    public static ChangeLogPage Read(SqliteConnection connection, string entityType, long afterRevision, int limit)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        if (FindType(connection, entityType) is not { } type)
        {
            return new ChangeLogPage(entityType, afterRevision, 0, 1, []);
        }

        using var oldest = Command(connection, "SELECT min(revision) FROM change_log WHERE type_id = $type");
        oldest.Parameters.AddWithValue("$type", type.Id);
        var first = oldest.ExecuteScalar() is long min ? min : type.Revision + 1;
        var changes = ChangeLogPage.IsGone(afterRevision, first) || afterRevision >= type.Revision
            ? []
            : ReadLog(connection, entityType, type.Id, afterRevision, limit);
        return new ChangeLogPage(entityType, afterRevision, type.Revision, first, changes);
    }

    private static List<EntityChange> ReadLog(SqliteConnection connection, string entityType, long type, long afterRevision, int limit)
    {
        using var command = Command(
            connection,
            $"SELECT {SqliteChangeRows.ChangeColumns} FROM change_log WHERE type_id = $type AND revision > $after ORDER BY revision LIMIT $limit");
        command.Parameters.AddWithValue("$type", type);
        command.Parameters.AddWithValue("$after", afterRevision);
        command.Parameters.AddWithValue("$limit", limit);
        using var row = command.ExecuteReader();
        var changes = new List<EntityChange>();
        while (row.Read())
        {
            changes.Add(SqliteChangeRows.ReadChange(row, entityType));
        }

        return changes;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static byte[] AsArray(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : bytes.ToArray();
}
