using Microsoft.Data.Sqlite;
using Synchronizer.Core.Changes;
using Synchronizer.Core.State;
using Synchronizer.Service.Storage;

namespace Synchronizer.Service.Tests.Storage;

public sealed class SqliteChangeStoreTests : ChangeStoreContractTests
{
    private readonly string _dir = Directory.CreateTempSubdirectory("synchronizer-state-").FullName;

    private string FilePath => Path.Combine(_dir, "state.db");

    [Fact]
    public async Task AppendAsync_NewFile_CreatesWalDatabaseMarkedWithSchemaVersion()
    {
        await Store.AppendAsync(Creates(1, 1), CancellationToken.None);
        ((IDisposable)Store).Dispose();

        using var connection = OpenRaw();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode"));
        Assert.Equal(1L, Scalar(connection, "PRAGMA user_version"));
        Assert.Equal((long)SqliteSchema.ApplicationId, Scalar(connection, "PRAGMA application_id"));
        Assert.Equal(0L, Scalar(connection, "SELECT published FROM change_log_status WHERE revision = 1"));
    }

    [Fact]
    public async Task LoadAsync_MissingDirectory_IsCreated()
    {
        var nested = Path.Combine(_dir, "var", "lib", "synchronizer", "state.db");
        using var store = new SqliteChangeStore(new DatabaseConnection(DatabaseKind.SqliteFile, nested), 10);

        await store.AppendAsync(Creates(1, 1), CancellationToken.None);

        Assert.True(File.Exists(nested));
    }

    [Fact]
    public async Task LoadAsync_FileHeldByAnotherStore_FailsSayingLockedAndWhatToDo()
    {
        await Store.LoadAsync(Type, CancellationToken.None);
        using var second = CreateStore(lockTimeout: TimeSpan.FromSeconds(1));

        var failure = await Assert.ThrowsAsync<StateStoreException>(() => second.LoadAsync(Type, CancellationToken.None));

        Assert.Contains("[database] connection", failure.Message, StringComparison.Ordinal);
        Assert.Contains("is locked by another process", failure.Message, StringComparison.Ordinal);
        Assert.Contains(FilePath, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_AfterTheHolderIsDisposed_Opens()
    {
        await Store.AppendAsync(Creates(1, 2), CancellationToken.None);
        ((IDisposable)Store).Dispose();
        using var second = CreateStore(lockTimeout: TimeSpan.FromSeconds(1));

        Assert.Equal(2, (await second.LoadAsync(Type, CancellationToken.None)).Snapshot.Revision);
    }

    [Fact]
    public async Task LoadAsync_NotADatabase_FailsSayingSo()
    {
        await File.WriteAllTextAsync(FilePath, new string('x', 4096));
        using var store = CreateStore();

        var failure = await Assert.ThrowsAsync<StateStoreException>(() => store.LoadAsync(Type, CancellationToken.None));

        Assert.Contains("is not a SQLite database", failure.Message, StringComparison.Ordinal);
        Assert.StartsWith("[database] connection", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_NewerSchemaVersion_Refused()
    {
        await Store.LoadAsync(Type, CancellationToken.None);
        ((IDisposable)Store).Dispose();
        using (var connection = OpenRaw())
        {
            Scalar(connection, "PRAGMA user_version = 2");
        }

        using var store = CreateStore();

        var failure = await Assert.ThrowsAsync<StateStoreException>(() => store.LoadAsync(Type, CancellationToken.None));
        Assert.Contains("newer synchronizer (schema version 2; this one reads up to 1)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_AnotherApplicationsDatabase_Refused()
    {
        using (var connection = OpenRaw())
        {
            Scalar(connection, "CREATE TABLE accounts (id INTEGER)");
        }

        using var store = CreateStore();

        var failure = await Assert.ThrowsAsync<StateStoreException>(() => store.LoadAsync(Type, CancellationToken.None));
        Assert.Contains("another application's tables", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_DirectoryInsteadOfFile_FailsSayingItCannotOpen()
    {
        Directory.CreateDirectory(FilePath);
        using var store = CreateStore();

        var failure = await Assert.ThrowsAsync<StateStoreException>(() => store.LoadAsync(Type, CancellationToken.None));

        Assert.Contains("[database] connection", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkPublishedAsync_StatusViewShowsTheFlagPerChange()
    {
        await Store.AppendAsync(Creates(1, 3), CancellationToken.None);
        await Store.MarkPublishedAsync(Type, 2, CancellationToken.None);
        ((IDisposable)Store).Dispose();

        using var connection = OpenRaw();

        Assert.Equal(2L, Scalar(connection, "SELECT count(*) FROM change_log_status WHERE entity_type = 'nova.instance' AND published"));
    }

    [Fact]
    public async Task SqliteMemory_AppendAndLoad_WorkWithoutAFile()
    {
        using var store = new SqliteChangeStore(new DatabaseConnection(DatabaseKind.SqliteMemory, null), 10);

        await store.AppendAsync([.. Creates(1, 2), Change(3, "e00001", ChangeAction.Delete)], CancellationToken.None);
        await store.MarkPublishedAsync(Type, 1, CancellationToken.None);
        var state = await store.LoadAsync(Type, CancellationToken.None);

        Assert.Equal((3L, 1, 2), (state.Snapshot.Revision, state.Snapshot.Entities.Count, state.Unpublished.Count));
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task AppendAsync_Cancelled_RecordsNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.AppendAsync(Creates(1, 3), cancelled.Token));

        Assert.Equal(0, (await Store.LoadAsync(Type, CancellationToken.None)).Snapshot.Revision);
    }

    protected override IChangeStore Open(int retention) => CreateStore(retention);

    protected override IChangeStore Reopen()
    {
        ((IDisposable)Store).Dispose();
        Replace(CreateStore(Retention));
        return Store;
    }

    protected override void Cleanup() => Directory.Delete(_dir, recursive: true);

    private SqliteChangeStore CreateStore(int retention = 5, TimeSpan? lockTimeout = null) =>
        new(new DatabaseConnection(DatabaseKind.SqliteFile, FilePath), retention, lockTimeout);

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
