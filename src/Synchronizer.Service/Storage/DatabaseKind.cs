namespace Synchronizer.Service.Storage;

/// <summary>The stores <c>[database] connection</c> can select.</summary>
internal enum DatabaseKind
{
    /// <summary>No database: Core's in-memory store; a restart re-announces every entity.</summary>
    InMemory,

    /// <summary>A SQLite file, durable across restarts and process kills.</summary>
    SqliteFile,

    /// <summary>SQLite in this process's memory (<c>sqlite:///:memory:</c>): the SQL store without a file, for tests.</summary>
    SqliteMemory,
}
