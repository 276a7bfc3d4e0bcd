using Microsoft.Data.Sqlite;
using Synchronizer.Core.Changes;
using Synchronizer.Core.State;

namespace Synchronizer.Service.Storage;

/// <summary>
/// The durable <see cref="IChangeStore"/>: one SQLite file holding, per entity type, the revision, the
/// baseline and the change log. Each append writes all three in one transaction, before the changes
/// are published, so a process killed at any point restarts with every recorded change.
/// </summary>
/// <remarks>
/// <para>The file is in WAL mode. An append commits with <c>synchronous = FULL</c> (the WAL is synced
/// to disk): a revision that was published can then never be lost and reissued with other content,
/// even on power loss. Marking changes published commits with <c>NORMAL</c>: a mark lost to power loss
/// only re-publishes changes, which delivery at least once allows. Either survives the process being killed.</para>
/// <para>One connection, in exclusive locking mode, does all the work, one operation at a time: a second
/// process on the same file is refused at start-up instead of interleaving revisions with this one.</para>
/// </remarks>
internal sealed class SqliteChangeStore : IChangeStore, IDisposable
{
    private static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(10);

    private readonly string _connectionString;
    private readonly string _database;
    private readonly string? _directory;
    private readonly int _retention;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;
    private bool? _fullSync;

    public SqliteChangeStore(DatabaseConnection connection, int changeLogRetention, TimeSpan? lockTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentOutOfRangeException.ThrowIfLessThan(changeLogRetention, 1);
        _retention = changeLogRetention;
        var builder = new SqliteConnectionStringBuilder
        {
            // The one connection stays open for the store's life; closing it must release the file and its lock.
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling((lockTimeout ?? DefaultLockTimeout).TotalSeconds),
        };
        if (connection.Kind == DatabaseKind.SqliteFile)
        {
            builder.DataSource = connection.Path;
            builder.Mode = SqliteOpenMode.ReadWriteCreate;
            _database = connection.Path!;
            _directory = Path.GetDirectoryName(connection.Path);
        }
        else
        {
            builder.DataSource = ":memory:";
            _database = ":memory:";
        }

        _connectionString = builder.ToString();
    }

    public Task<StoredTypeState> LoadAsync(string entityType, CancellationToken cancellationToken) =>
        RunAsync(connection => SqliteChangeQueries.Load(connection, entityType, _database), fullSync: null, cancellationToken);

    public Task AppendAsync(IReadOnlyList<EntityChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return Task.CompletedTask;
        }

        return RunAsync(
            connection =>
            {
                using var transaction = connection.BeginTransaction();
                var type = SqliteChangeQueries.EnsureType(connection, changes[0].EntityType);
                var revision = SqliteChangeQueries.Append(connection, type, changes, cancellationToken);
                SqliteChangeQueries.Prune(connection, type, revision - _retention);
                transaction.Commit();
                return revision;
            },
            fullSync: true,
            cancellationToken);
    }

    public Task MarkPublishedAsync(string entityType, long throughRevision, CancellationToken cancellationToken) =>
        RunAsync(
            connection =>
            {
                using var transaction = connection.BeginTransaction();
                if (SqliteChangeQueries.FindType(connection, entityType) is { } type)
                {
                    var revision = SqliteChangeQueries.MarkPublished(connection, type.Id, throughRevision);
                    SqliteChangeQueries.Prune(connection, type.Id, revision - _retention);
                    transaction.Commit();
                }

                return throughRevision;
            },
            fullSync: false,
            cancellationToken);

    public Task<ChangeLogPage> ReadChangesAsync(string entityType, long afterRevision, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterRevision);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return RunAsync(connection => SqliteChangeQueries.Read(connection, entityType, afterRevision, limit), fullSync: null, cancellationToken);
    }

    public void Dispose()
    {
        _connection?.Dispose();
        _connection = null;
        _gate.Dispose();
    }

    private async Task<T> RunAsync<T>(Func<SqliteConnection, T> work, bool? fullSync, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var connection = _connection ?? Open();
            if (fullSync is { } full && full != _fullSync)
            {
                // Not allowed inside a transaction, so it is set before the operation's own.
                Execute(connection, full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
                _fullSync = full;
            }

            return work(connection);
        }
        catch (SqliteException ex)
        {
            throw SqliteFailures.Translate(ex, _database);
        }
        finally
        {
            _gate.Release();
        }
    }

    private SqliteConnection Open()
    {
        try
        {
            if (_directory is not null)
            {
                Directory.CreateDirectory(_directory);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StateStoreException($"{DatabaseConnection.Setting}: cannot create the directory of '{_database}': {ex.Message}", ex);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();

            // Exclusive locking before the first WAL access: no shared-memory index, and the write lock,
            // once taken by the schema check, stays with this connection until it closes.
            Execute(connection, "PRAGMA locking_mode = EXCLUSIVE");
            var journal = Convert.ToString(Scalar(connection, "PRAGMA journal_mode = WAL"), System.Globalization.CultureInfo.InvariantCulture);
            if (_directory is not null && !string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new StateStoreException($"{DatabaseConnection.Setting}: '{_database}' cannot use write-ahead logging (journal mode stays '{journal}'): put it on a local file system.");
            }

            Execute(connection, "PRAGMA journal_size_limit = 67108864");
            SqliteSchema.Ensure(connection, _database);
            _connection = connection;
            return connection;
        }
        catch (Exception)
        {
            connection.Dispose();
            throw;
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
