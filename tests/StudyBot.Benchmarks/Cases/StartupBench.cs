using System.Diagnostics;
using Dapper;
using StudyBot.Benchmarks.Measuring;
using StudyBot.Storage.Sqlite;

namespace StudyBot.Benchmarks.Cases;

/// <summary>
/// Process start to ready with the full content folder and 10,000 configured channels, and its
/// memory, beside an empty .NET console program started the same way. "Ready" is the first answer
/// to a command: /topic ebs is written to stdin at once and the clock stops when its reply prints.
/// </summary>
public static class StartupBench
{
    private const int Channels = 10_000, Runs = 5;
    private static readonly string[] Zones = ["UTC", "Asia/Seoul", "America/New_York", "Europe/London", "Asia/Tokyo", "Australia/Sydney", "America/Los_Angeles", "Europe/Berlin"];

    public static async Task RunAsync(ResultTable table)
    {
        using var dir = new TempDirectory();
        var db = dir.File("data/studybot.db");
        SeedChannels(db);
        string[] args = [$"--StudyBot:Content:Path={Repository.Content}", $"--StudyBot:Storage:DatabasePath={db}"];

        // The first start schedules 20,000 triggers (daily and weekly per channel); later starts find them.
        Console.Error.WriteLine("start-up: first start (schedules every channel) ...");
        var first = await TimeBotAsync(dir.Path, args, TimeSpan.FromMinutes(10));
        Console.Error.WriteLine($"  first start: {first.Seconds:0.00} s");

        var bot = new List<(double Seconds, double Rss)>();
        var empty = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            empty.Add(await TimeEmptyAsync(dir.Path));
            bot.Add(await TimeBotAsync(dir.Path, args, TimeSpan.FromMinutes(2)));
        }
        var median = bot.Select(b => b.Seconds).Order().ElementAt(Runs / 2);
        var emptyMedian = empty.Order().ElementAt(Runs / 2);
        // The first start is held to the same limits as a restart: a new bot with many channels must not stall.
        table.Add(new Result($"first start to ready, full pack + {Channels:N0} channels, empty Quartz store", first.Seconds, "s", 2, true,
            "empty .NET console program", emptyMedian, $"schedules {Channels * 2:N0} triggers (daily and weekly per channel)"));
        table.Add(new Result($"RSS at ready, first start, full pack + {Channels:N0} channels", first.Rss, "MB", 150, true,
            Note: "VmRSS from /proc, read when ready and 2 s later"));
        table.Add(new Result($"start to ready, full pack + {Channels:N0} channels (median of {Runs})", median, "s", 2, true,
            "empty .NET console program", emptyMedian,
            $"runs {string.Join(", ", bot.Select(b => b.Seconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))} s; triggers already stored"));
        table.Add(new Result($"RSS at ready, full pack + {Channels:N0} channels (max of {Runs})", bot.Max(b => b.Rss), "MB", 150, true,
            Note: "VmRSS from /proc, read when ready and 2 s later"));
    }

    private static void SeedChannels(string path)
    {
        var database = new SqliteDatabase(path);
        database.Migrate();
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        // Post times spread over the hours ahead, so no trigger fires or misfires while timing.
        var now = DateTime.UtcNow;
        connection.Execute(
            "INSERT INTO channels (platform, external_id, enabled, post_time, time_zone, pack_id) VALUES ('console', @Id, 1, @Time, @Zone, 'aws-saa')",
            Enumerable.Range(0, Channels).Select(i =>
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(Zones[i % Zones.Length]);
                var local = TimeZoneInfo.ConvertTimeFromUtc(now.AddHours(2 + i % 8).AddMinutes(i % 60), zone);
                return new { Id = $"room-{i}", Time = local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), Zone = Zones[i % Zones.Length] };
            }),
            transaction);
        transaction.Commit();
    }

    private static async Task<(double Seconds, double Rss)> TimeBotAsync(string workingDirectory, string[] args, TimeSpan timeout)
    {
        using var bot = BotProcess.Start(Repository.HostDll, workingDirectory, args);
        bot.Send("/topic ebs");
        var ready = await bot.WaitForAsync("── reply ──", timeout);
        var seconds = Stopwatch.GetElapsedTime(bot.StartedAt, ready).TotalSeconds;
        var rss = bot.RssMegabytes();
        await Task.Delay(2000);
        rss = Math.Max(rss, bot.RssMegabytes());
        bot.Send("/quit");
        await bot.WaitForExitAsync(TimeSpan.FromSeconds(30));
        return (seconds, rss);
    }

    private static async Task<double> TimeEmptyAsync(string workingDirectory)
    {
        using var empty = BotProcess.Start(Repository.EmptyConsoleDll, workingDirectory);
        var ready = await empty.WaitForAsync("ready", TimeSpan.FromSeconds(30));
        await empty.WaitForExitAsync(TimeSpan.FromSeconds(30));
        return Stopwatch.GetElapsedTime(empty.StartedAt, ready).TotalSeconds;
    }
}
