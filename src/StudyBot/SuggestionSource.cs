using StudyBot.Core.Storage;
using StudyBot.Storage.Postgres;
using StudyBot.Storage.Sqlite;

namespace StudyBot;

/// <summary>
/// What <c>content export-suggestions</c> reads, on the configured provider (the SQLite file or
/// PostgreSQL), migrated as the bot does at start: the channel lookup and the suggestion store.
/// </summary>
internal sealed class SuggestionSource(string name, ISuggestionStore suggestions,
    Func<string, CancellationToken, Task<IReadOnlyList<ChannelLookup.FoundChannel>>> findChannels, PostgresDatabase? postgres) : IAsyncDisposable
{
    /// <summary>The database as an error line names it.</summary>
    public string Name => name;

    public ISuggestionStore Suggestions => suggestions;

    public Task<IReadOnlyList<ChannelLookup.FoundChannel>> FindChannelsAsync(string text, CancellationToken cancellationToken) => findChannels(text, cancellationToken);

    /// <summary>The source on the database <paramref name="storage"/> names; null after an error line on <paramref name="errors"/>.</summary>
    public static async Task<SuggestionSource?> OpenAsync(StorageSettings storage, TextWriter errors)
    {
        if (storage.Provider == StorageProvider.Sqlite)
        {
            if (!File.Exists(storage.DatabasePath))
            {
                errors.WriteLine($"No database at '{Path.GetFullPath(storage.DatabasePath)}' (setting {StorageSettings.DatabasePathSetting}): " +
                    "run the bot first, or point the setting at its file.");
                return null;
            }
            var sqlite = new SqliteDatabase(storage.DatabasePath);
            sqlite.Migrate();
            return new SuggestionSource($"'{sqlite.Path}'", new SqliteSuggestionStore(sqlite),
                (text, ct) => SqliteChannelLookup.FindAsync(sqlite, text, ct), null);
        }
        string connectionString;
        try
        {
            connectionString = storage.RequireConnectionString();
        }
        catch (InvalidOperationException e)
        {
            errors.WriteLine(e.Message);
            return null;
        }
        var postgres = new PostgresDatabase(connectionString);
        try
        {
            await postgres.MigrateAsync();
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            await postgres.DisposeAsync();
            errors.WriteLine(PostgresStorageSetup.Unusable(connectionString, e));
            return null;
        }
        return new SuggestionSource($"the PostgreSQL database '{new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database}'",
            new PostgresSuggestionStore(postgres), (text, ct) => PostgresChannelLookup.FindAsync(postgres, text, ct), postgres);
    }

    public ValueTask DisposeAsync() => postgres?.DisposeAsync() ?? ValueTask.CompletedTask;
}
