using Microsoft.Data.Sqlite;

namespace Synchronizer.Service.Storage;

/// <summary>Turns SQLite's result codes into messages an operator can act on.</summary>
internal static class SqliteFailures
{
    // Primary result codes, https://www.sqlite.org/rescode.html
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    public static StateStoreException Translate(SqliteException exception, string database)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var setting = DatabaseConnection.Setting;
        var message = (exception.SqliteErrorCode & 0xff) switch
        {
            Busy or Locked =>
                $"{setting}: the state database '{database}' is locked by another process (is another synchronizer using it?): stop that process, or point {setting} at another file.",
            NotADatabase =>
                $"{setting}: '{database}' is not a SQLite database (or is encrypted): point {setting} at the synchronizer's state file, or move this file away to start from an empty state.",
            Corrupt =>
                $"{setting}: the state database '{database}' is corrupt: restore it from a backup, or move it away to start from an empty state (every entity is then announced again).",
            CantOpen =>
                $"{setting}: the state database '{database}' cannot be opened: check that its directory exists and that the service's user may read and write both.",
            ReadOnly =>
                $"{setting}: the state database '{database}' is read-only: the service's user must be able to write the file and its directory (SQLite keeps a -wal file beside it).",
            Full =>
                $"{setting}: the disk holding the state database '{database}' is full: free space, or point {setting} at a file on another disk.",
            IoError =>
                $"{setting}: reading or writing the state database '{database}' failed with an I/O error: check the disk and the file system.",
            _ =>
                $"{setting}: the state database '{database}' failed (SQLite error {exception.SqliteErrorCode})",
        };
        return new StateStoreException($"{message} SQLite said: {exception.Message}", exception);
    }
}
