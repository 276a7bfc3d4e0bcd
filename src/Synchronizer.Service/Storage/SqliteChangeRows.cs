using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Synchronizer.Core.Changes;
using Synchronizer.Core.Hashing;
using Synchronizer.Core.State;

namespace Synchronizer.Service.Storage;

/// <summary>How changes and baseline entities map to rows of the state database.</summary>
internal static class SqliteChangeRows
{
    /// <summary>The columns <see cref="ReadChange"/> expects, in order.</summary>
    public const string ChangeColumns = "revision, id, action, hash, entity, changed_fields, source, sampled_at";

    /// <summary>The columns <see cref="ReadEntity"/> expects, in order.</summary>
    public const string EntityColumns = "id, hash, entity, revision";

    public static long ToColumn(ContentHash hash) => unchecked((long)hash.Value);

    public static string ToColumn(ChangeAction action) => action switch
    {
        ChangeAction.Create => "create",
        ChangeAction.Update => "update",
        _ => "delete",
    };

    public static string ToColumn(ChangeSource source) => source switch
    {
        ChangeSource.Poll => "poll",
        ChangeSource.Notification => "notification",
        _ => "sync",
    };

    public static string ToColumn(DateTimeOffset sampledAt) => sampledAt.ToString("O", CultureInfo.InvariantCulture);

    public static string ToColumn(IReadOnlyList<string> changedFields)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var field in changedFields)
            {
                writer.WriteStringValue(field);
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static EntityChange ReadChange(SqliteDataReader row, string entityType) => new(
        entityType,
        row.GetString(1),
        ParseAction(row.GetString(2)),
        row.GetInt64(0),
        new ContentHash(unchecked((ulong)row.GetInt64(3))),
        row.GetFieldValue<byte[]>(4),
        ParseFields(row.GetString(5)),
        ParseSource(row.GetString(6)),
        DateTimeOffset.ParseExact(row.GetString(7), "O", CultureInfo.InvariantCulture, DateTimeStyles.None));

    public static StoredEntity ReadEntity(SqliteDataReader row) => new(
        row.GetString(0),
        new ContentHash(unchecked((ulong)row.GetInt64(1))),
        row.GetFieldValue<byte[]>(2),
        row.GetInt64(3));

    private static ChangeAction ParseAction(string text) => text switch
    {
        "create" => ChangeAction.Create,
        "update" => ChangeAction.Update,
        "delete" => ChangeAction.Delete,
        _ => throw new FormatException($"Unknown change action '{text}' in the change log."),
    };

    private static ChangeSource ParseSource(string text) => text switch
    {
        "poll" => ChangeSource.Poll,
        "notification" => ChangeSource.Notification,
        "sync" => ChangeSource.Sync,
        _ => throw new FormatException($"Unknown change source '{text}' in the change log."),
    };

    private static string[] ParseFields(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => e.GetString() ?? string.Empty)];
    }
}
