using Microsoft.Extensions.Hosting;
using StudyBot.Content;
using StudyBot.Core.Content;
using StudyBot.Core.Items;
using StudyBot.Core.Storage;
using StudyBot.Storage.Postgres;
using StudyBot.Storage.Sqlite;

namespace StudyBot;

/// <summary>
/// <c>studybot content report [--pack id] [--topic id] [--csv]</c>: the item analysis of the configured
/// database's answers (the SQLite file or PostgreSQL, as StudyBot:Storage:Provider says), as an aligned
/// table or as CSV, for authors who work in the terminal.
/// </summary>
public static class ContentReport
{
    public sealed record Request(string ContentPath, StorageSettings Storage, string? PackId, string? TopicId, bool Csv);

    /// <summary>Reads the report's own flags; the rest of <paramref name="args"/> is configuration, as for the bot.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        string? pack = null, topic = null;
        var csv = false;
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--csv": csv = true; break;
                case "--pack" when i + 1 < args.Length: pack = args[++i]; break;
                case "--topic" when i + 1 < args.Length: topic = args[++i]; break;
                case "--pack" or "--topic":
                    errors.WriteLine($"{args[i]} needs a value, e.g. 'studybot content report {args[i]} {(args[i] == "--pack" ? "aws-saa" : "ebs")}'.");
                    return 2;
                default: settings.Add(args[i]); break;
            }
        }
        // The same sources as the bot (appsettings.json beside the binary, environment, arguments), so
        // the report reads the database the bot writes.
        var configuration = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            { Args = [.. settings], ContentRootPath = AppContext.BaseDirectory }).Configuration;
        var content = configuration[$"{ContentOptions.Section}:Path"] is { Length: > 0 } c ? c : new ContentOptions().Path;
        StorageSettings storage;
        try
        {
            storage = StorageSettings.From(configuration);
        }
        catch (InvalidOperationException e)
        {
            errors.WriteLine(e.Message);
            return 1;
        }
        return await RunAsync(new Request(content, storage, pack, topic, csv), output, errors);
    }

    public static async Task<int> RunAsync(Request request, TextWriter output, TextWriter errors)
    {
        var loaded = ContentLoader.Load(request.ContentPath);
        if (loaded.Packs.Count == 0)
        {
            errors.WriteLine($"No valid content pack in '{Path.GetFullPath(request.ContentPath)}' (setting StudyBot:Content:Path). " +
                $"Run 'studybot content check {request.ContentPath}' to see every error.");
            return 1;
        }
        var catalog = new ContentCatalog(loaded.Packs);
        if (request.PackId is { } wanted && catalog.Find(wanted) is null)
        {
            errors.WriteLine($"No loaded pack is called '{wanted}'; the packs are: {string.Join(", ", catalog.Packs.Select(p => p.Id))}.");
            return 1;
        }
        await using var database = await OpenAsync(request.Storage, errors);
        if (database is null) return 1;
        var report = await new ItemAnalyzer(database.Queries, catalog)
            .AnalyzeAsync(new ItemFilter(request.PackId, request.TopicId), CancellationToken.None);
        if (report.Answers == 0)
        {
            var scope = (request.PackId is null ? "" : $" in pack '{request.PackId}'") + (request.TopicId is null ? "" : $" on topic '{request.TopicId}'");
            output.WriteLine($"No answers to closed daily questions{scope} in {database.Name} yet: nothing to analyse. " +
                "Answers count once their question closes; /quiz and /review answers are not analysed.");
            return 0;
        }
        output.Write(request.Csv ? ItemReportCsv.Render(report) : ItemReportTable.Render(report));
        return 0;
    }

    /// <summary>The item analysis port on the configured database, migrated as the bot does at start; null after an error line.</summary>
    private static async Task<OpenDatabase?> OpenAsync(StorageSettings storage, TextWriter errors)
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
            return new OpenDatabase($"'{sqlite.Path}'", new SqliteItemAnalysisQueries(sqlite), null);
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
        return new OpenDatabase($"the PostgreSQL database '{new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database}'", new PostgresItemAnalysisQueries(postgres), postgres);
    }

    private sealed record OpenDatabase(string Name, IItemAnalysisQueries Queries, PostgresDatabase? Postgres) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Postgres?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
