using Microsoft.Data.Sqlite;

namespace Synchronizer.Service.Storage;

/// <summary>
/// The state database's tables, and the check that a file holds them in a version this service reads.
/// </summary>
/// <remarks>
/// <para><c>PRAGMA application_id</c> marks the file as the synchronizer's and <c>PRAGMA user_version</c>
/// holds the schema version: 0 on a new file, which gets the tables; a later version than
/// <see cref="Version"/> is refused, so an older service never misreads a newer file.</para>
/// <para>Whether a change is published is kept as the type's <c>published_through</c> revision, not as a
/// flag per row: the broker confirms in revision order, so the two say the same, and marking a batch
/// then rewrites one small row instead of every change row with its entity. The view
/// <c>change_log_status</c> shows the flag per change for operators.</para>
/// </remarks>
internal static class SqliteSchema
{
    /// <summary>The schema version this code writes and reads.</summary>
    public const int Version = 1;

    /// <summary>"SYNC": tells the synchronizer's state files apart from other SQLite files.</summary>
    public const int ApplicationId = 0x53594E43;

    private const string Tables = """
        CREATE TABLE entity_types (
            type_id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            revision INTEGER NOT NULL DEFAULT 0,
            published_through INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE baseline (
            type_id INTEGER NOT NULL REFERENCES entity_types (type_id),
            id TEXT NOT NULL,
            hash INTEGER NOT NULL,
            entity BLOB NOT NULL,
            revision INTEGER NOT NULL,
            PRIMARY KEY (type_id, id)
        );
        CREATE TABLE change_log (
            type_id INTEGER NOT NULL REFERENCES entity_types (type_id),
            revision INTEGER NOT NULL,
            id TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
            hash INTEGER NOT NULL,
            entity BLOB NOT NULL,
            changed_fields TEXT NOT NULL,
            source TEXT NOT NULL,
            sampled_at TEXT NOT NULL,
            PRIMARY KEY (type_id, revision)
        );
        CREATE VIEW change_log_status AS
            SELECT t.name AS entity_type, c.revision, c.id, c.action, c.source, c.sampled_at,
                   c.revision <= t.published_through AS published
            FROM change_log AS c JOIN entity_types AS t USING (type_id);
        """;

    /// <summary>Creates the tables in a new file, or checks that an existing one is a state database this code reads.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="database">The file's path, for messages.</param>
    /// <exception cref="StateStoreException">The file is someone else's, or newer than this code.</exception>
    /// <exception cref="SqliteException">SQLite failed: locked, unreadable, not a database.</exception>
    public static void Ensure(SqliteConnection connection, string database)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var setting = DatabaseConnection.Setting;

        // An immediate transaction takes the write lock now: a second service on the same file fails here, at start-up.
        using var transaction = connection.BeginTransaction();
        var applicationId = Scalar(connection, "PRAGMA application_id");
        var version = Scalar(connection, "PRAGMA user_version");
        if (applicationId == 0 && version == 0)
        {
            if (Scalar(connection, "SELECT count(*) FROM sqlite_schema") > 0)
            {
                throw new StateStoreException($"{setting}: '{database}' holds another application's tables, not the synchronizer's state: point {setting} at a new file.");
            }

            Execute(connection, Tables);
            Execute(connection, $"PRAGMA application_id = {ApplicationId}");
            Execute(connection, $"PRAGMA user_version = {Version}");
        }
        else if (applicationId != ApplicationId)
        {
            throw new StateStoreException($"{setting}: '{database}' is another application's SQLite database, not the synchronizer's state: point {setting} at a new file.");
        }
        else if (version > Version)
        {
            throw new StateStoreException(
                $"{setting}: '{database}' was written by a newer synchronizer (schema version {version}; this one reads up to {Version}): run the newer version, or point {setting} at another file.");
        }

        transaction.Commit();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
