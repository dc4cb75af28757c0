using Microsoft.Data.Sqlite;

namespace StudyBot.Storage.Sqlite;

/// <summary>Which SQLite errors mean "the file cannot be used right now" rather than a fault in a query.</summary>
public static class SqliteOutages
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN: another process holds the file past
    // the busy timeout, or the disk is full, gone or unreadable.
    private static readonly HashSet<int> Codes = [5, 6, 10, 13, 14];

    public static bool IsOutage(Exception error) => error is SqliteException sqlite && Codes.Contains(sqlite.SqliteErrorCode);
}
