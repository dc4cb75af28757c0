using Dapper;
using StudyBot.Benchmarks.Measuring;
using StudyBot.Storage.Sqlite;

namespace StudyBot.Benchmarks.Drills;

/// <summary>
/// The daily post across real process deaths (kill -9), with the scheduler's clock set per run:
/// down across 09:00 → exactly one post after restart, and none on the restart after that; killed
/// while sending the post → the restart's recovery run finishes it: one post, one row, and none on the restart after that.
/// </summary>
public static class MissedPostDrill
{
    public const string Channel = "post-drill";
    private static readonly TimeSpan Seoul = TimeSpan.FromHours(9);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(8);

    public static async Task<DrillResult> DownAcrossPostTimeAsync()
    {
        using var dir = new TempDirectory();
        var db = dir.File("bot.db");
        await RunUntilAsync(dir, db, At(8, 0), "setup", "STARTED", kill: true);
        var afterDowntime = await RunAndWatchAsync(dir, db, At(10, 30), expectPost: true);
        var afterRestart = await RunAndWatchAsync(dir, db, At(11, 0), expectPost: false);
        var rows = PostRows(db);
        var passed = afterDowntime == 1 && afterRestart == 0 && rows == 1;
        return new DrillResult("down across post time (kill -9 at 08:00, back 10:30, again 11:00)", passed,
            $"posts after the downtime: {afterDowntime}, after the next restart: {afterRestart}; post rows for the day: {rows}");
    }

    public static async Task<DrillResult> KilledWhilePostingAsync()
    {
        using var dir = new TempDirectory();
        var db = dir.File("bot.db");
        // 08:59:55: the trigger fires at 09:00 and the send hangs; the process is killed mid-send.
        await RunUntilAsync(dir, db, new DateTimeOffset(2026, 11, 23, 8, 59, 55, Seoul), "hang", "POSTING", kill: true);
        var afterCrash = await RunAndWatchAsync(dir, db, At(9, 5), expectPost: true);
        var afterRestart = await RunAndWatchAsync(dir, db, At(9, 10), expectPost: false);
        var rows = PostRows(db);
        var sent = SentRows(db);
        var passed = afterCrash == 1 && afterRestart == 0 && rows == 1 && sent == 1;
        return new DrillResult("killed while posting (kill -9 during the send, back at 09:05, again 09:10)", passed,
            $"posts after restart: {afterCrash}, after the next restart: {afterRestart}; post rows for the day: {rows}, with a message id: {sent} "
            + "(Quartz recovers the cut-off fire and the reserved post is finished once)");
    }

    private static DateTimeOffset At(int hour, int minute) => new(2026, 11, 23, hour, minute, 0, Seoul);

    private static async Task RunUntilAsync(TempDirectory dir, string db, DateTimeOffset now, string mode, string line, bool kill)
    {
        using var bot = Start(dir, db, now, mode);
        await bot.WaitForAsync(line, TimeSpan.FromSeconds(60));
        if (kill) bot.KillHard();
        await bot.WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Runs the bot for a while (until a post when one is expected, then a quiet spell) and counts its posts; then kill -9.</summary>
    private static async Task<int> RunAndWatchAsync(TempDirectory dir, string db, DateTimeOffset now, bool expectPost)
    {
        using var bot = Start(dir, db, now, "run");
        await bot.WaitForAsync("STARTED", TimeSpan.FromSeconds(60));
        if (expectPost)
        {
            try
            {
                await bot.WaitForAsync("POSTED", TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                // counted below as zero posts
            }
        }
        await Task.Delay(Quiet);
        bot.KillHard();
        await bot.WaitForExitAsync(TimeSpan.FromSeconds(30));
        return bot.Lines.Count(l => l.StartsWith("POSTED", StringComparison.Ordinal));
    }

    private static BotProcess Start(TempDirectory dir, string db, DateTimeOffset now, string mode) =>
        BotProcess.Start(typeof(MissedPostDrill).Assembly.Location, dir.Path, "drill-child", "post", db, now.ToString("O"), mode);

    private static int PostRows(string db) => CountPosts(db, "");

    private static int SentRows(string db) => CountPosts(db, " AND p.message_id IS NOT NULL");

    private static int CountPosts(string db, string condition)
    {
        using var connection = new SqliteDatabase(db).Open();
        return connection.ExecuteScalar<int>(
            "SELECT COUNT(*) FROM posts p JOIN channels c ON c.id = p.channel_id WHERE c.external_id = @Channel AND p.local_date = '2026-11-23'" + condition,
            new { Channel });
    }
}
