using Npgsql;
using StudyBot.Storage.Postgres;
using StudyBot.Storage.Sqlite;

namespace StudyBot;

/// <summary>
/// <c>studybot migrate</c>: brings the configured database (SQLite file or PostgreSQL) to this build's
/// schema and exits, for operators who migrate before deploying. The bot does the same at start, so
/// this is never required; on PostgreSQL it takes the same advisory lock as starting nodes.
/// </summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var settings = StorageSettings.Read(args);
            if (settings.Provider == StorageProvider.Sqlite)
            {
                var sqlite = new SqliteDatabase(settings.DatabasePath);
                var applied = sqlite.Migrate();
                await output.WriteLineAsync($"Applied {applied} migration(s); the SQLite file {sqlite.Path} is at schema version {SqliteDatabase.LatestVersion}.");
                return 0;
            }
            var connectionString = settings.RequireConnectionString();
            await using var postgres = new PostgresDatabase(connectionString);
            try
            {
                var applied = await postgres.MigrateAsync();
                await output.WriteLineAsync($"Applied {applied} migration(s); the PostgreSQL database is at schema version {PostgresMigrator.LatestVersion}.");
                return 0;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                throw new InvalidOperationException(PostgresStorageSetup.Unusable(connectionString, e), e);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"studybot migrate: {BotRun.OneLine(e.Message)}");
            return 1;
        }
    }
}
