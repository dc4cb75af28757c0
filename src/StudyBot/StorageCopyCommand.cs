using Npgsql;
using StudyBot.Storage.Postgres;

namespace StudyBot;

/// <summary>
/// <c>studybot storage copy --from sqlite --to postgres</c>: copies the file at StudyBot:Storage:DatabasePath
/// into the empty database at StudyBot:Storage:ConnectionString. The rest of the arguments are settings, as for the bot.
/// </summary>
public static class StorageCopyCommand
{
    private const string Usage = "use 'studybot storage copy --from sqlite --to postgres' (the one direction there is)";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? from = null, to = null;
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--from" when i + 1 < args.Length: from = args[++i]; break;
                case "--to" when i + 1 < args.Length: to = args[++i]; break;
                default: settings.Add(args[i]); break;
            }
        }
        if (!string.Equals(from, "sqlite", StringComparison.OrdinalIgnoreCase) || to?.ToLowerInvariant() is not ("postgres" or "postgresql"))
        {
            await error.WriteLineAsync($"studybot storage copy: {Usage}.");
            return 2;
        }
        string? connectionString = null;
        try
        {
            var storage = StorageSettings.Read([.. settings]);
            connectionString = storage.RequireConnectionString();
            var copied = await StorageCopy.CopyAsync(storage.DatabasePath, connectionString, CancellationToken.None);
            await output.WriteLineAsync($"Copied {string.Join(", ", copied.Select(c => $"{c.Rows} {c.Table}"))} from {Path.GetFullPath(storage.DatabasePath)} to PostgreSQL.");
            return 0;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            await error.WriteLineAsync($"studybot storage copy: {BotRun.OneLine(PostgresStorageSetup.Unusable(connectionString!, e))}");
            return 1;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            await error.WriteLineAsync($"studybot storage copy: {BotRun.OneLine(e.Message)}");
            return 1;
        }
    }
}
