using Dapper;
using Microsoft.Data.Sqlite;
using StudyBot.Core.Health;

namespace StudyBot.Storage.Sqlite;

/// <summary>
/// The database is ready when its file is there and a fresh, unpooled connection can read it: a
/// pooled handle keeps reading a deleted or unmounted file, which is exactly what must not look healthy.
/// </summary>
public sealed class SqliteReadiness(SqliteDatabase database) : IReadinessProbe
{
    public string Name => "database";

    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(database.Path)) return $"the database file {database.Path} is missing";
        var probe = new SqliteConnectionStringBuilder(database.ConnectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        try
        {
            await using var connection = new SqliteConnection(probe.ToString());
            await connection.OpenAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<int>(new CommandDefinition("PRAGMA user_version;", cancellationToken: cancellationToken));
            return version >= SqliteDatabase.LatestVersion ? null : $"the database schema is at version {version}, not {SqliteDatabase.LatestVersion}";
        }
        catch (SqliteException e)
        {
            return $"the database cannot be read ({e.Message})";
        }
    }
}
