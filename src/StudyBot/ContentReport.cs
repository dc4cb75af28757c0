using Microsoft.Extensions.Hosting;
using StudyBot.Content;
using StudyBot.Core.Content;
using StudyBot.Core.Items;
using StudyBot.Storage.Sqlite;

namespace StudyBot;

/// <summary>
/// <c>studybot content report [--pack id] [--topic id] [--csv]</c>: the item analysis of the configured
/// database's answers, as an aligned table or as CSV, for authors who work in the terminal.
/// </summary>
public static class ContentReport
{
    public sealed record Request(string ContentPath, string DatabasePath, string? PackId, string? TopicId, bool Csv);

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
        var database = configuration[$"{StorageOptions.Section}:DatabasePath"] is { Length: > 0 } d ? d : new StorageOptions().DatabasePath;
        return await RunAsync(new Request(content, database, pack, topic, csv), output, errors);
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
        if (!File.Exists(request.DatabasePath))
        {
            errors.WriteLine($"No database at '{Path.GetFullPath(request.DatabasePath)}' (setting StudyBot:Storage:DatabasePath): " +
                "run the bot first, or point the setting at its file.");
            return 1;
        }

        var sqlite = new SqliteDatabase(request.DatabasePath);
        // Brings an older file up to the schema these queries read, as the bot does when it starts.
        sqlite.Migrate();
        var report = await new ItemAnalyzer(new SqliteItemAnalysisQueries(sqlite), catalog)
            .AnalyzeAsync(new ItemFilter(request.PackId, request.TopicId), CancellationToken.None);
        if (report.Answers == 0)
        {
            var scope = (request.PackId is null ? "" : $" in pack '{request.PackId}'") + (request.TopicId is null ? "" : $" on topic '{request.TopicId}'");
            output.WriteLine($"No answers to closed daily questions{scope} in '{sqlite.Path}' yet: nothing to analyse. " +
                "Answers count once their question closes; /quiz and /review answers are not analysed.");
            return 0;
        }
        output.Write(request.Csv ? ItemReportCsv.Render(report) : ItemReportTable.Render(report));
        return 0;
    }
}
