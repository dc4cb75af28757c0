using Dapper;
using StudyBot.Benchmarks.Measuring;
using StudyBot.Storage.Sqlite;

namespace StudyBot.Benchmarks.Drills;

/// <summary>
/// kill -9 the bot in the middle of a 10,000-click burst, restart it and redeliver every click (as a
/// platform redelivers unacknowledged events): every click acknowledged before the kill is stored
/// exactly once and is answered "already answered" after the restart; in the end each user has one row.
/// </summary>
public static class KillDuringBurstDrill
{
    public const string Channel = "kill-drill";
    private const int Users = 10_000, InFlight = 64, KillAfterAcks = 3_000;

    public static async Task<DrillResult> RunAsync()
    {
        using var dir = new TempDirectory();
        var db = dir.File("bot.db");

        var firstRun = new Dictionary<string, string>();
        using (var bot = BotProcess.Start(Self, dir.Path, "drill-child", "burst", db, Users.ToString(System.Globalization.CultureInfo.InvariantCulture), InFlight.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            var acks = 0;
            var enough = new TaskCompletionSource();
            bot.Line += line =>
            {
                if (line.StartsWith("ACK ", StringComparison.Ordinal) && Interlocked.Increment(ref acks) == KillAfterAcks) enough.TrySetResult();
            };
            await enough.Task.WaitAsync(TimeSpan.FromMinutes(3));
            bot.KillHard();
            await bot.WaitForExitAsync(TimeSpan.FromSeconds(30));
            await Task.Delay(500); // the pipe hands over what was written before the kill
            foreach (var (user, title) in Acks(bot.Lines)) firstRun[user] = title;
        }
        var acknowledged = firstRun.Where(a => a.Value == "Answer recorded").Select(a => a.Key).ToHashSet();

        var database = new SqliteDatabase(db);
        database.Migrate();
        var (afterKill, integrity) = Stored(database);
        var lost = acknowledged.Where(u => !afterKill.Contains(u)).ToList();

        Dictionary<string, string> secondRun;
        using (var bot = BotProcess.Start(Self, dir.Path, "drill-child", "burst", db, Users.ToString(System.Globalization.CultureInfo.InvariantCulture), InFlight.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            await bot.WaitForAsync("DONE", TimeSpan.FromMinutes(3));
            secondRun = Acks(bot.Lines).ToDictionary(a => a.User, a => a.Title);
        }
        var (final, finalIntegrity) = Stored(database);
        var recordedTwice = acknowledged.Where(u => secondRun.GetValueOrDefault(u) == "Answer recorded").ToList();
        var notAlready = acknowledged.Where(u => secondRun.GetValueOrDefault(u) != "Already answered").ToList();

        var passed = lost.Count == 0 && recordedTwice.Count == 0 && notAlready.Count == 0 && final.Count == Users
            && integrity == "ok" && finalIntegrity == "ok" && secondRun.Count == Users;
        return new DrillResult("kill -9 mid-burst, restart, redeliver all clicks", passed,
            $"{acknowledged.Count:N0} acknowledged before the kill, {afterKill.Count:N0} rows after it ({afterKill.Count - acknowledged.Count:N0} committed but not yet acknowledged), " +
            $"{lost.Count} acknowledged and lost; after restart {recordedTwice.Count} recorded twice, {notAlready.Count} acknowledged-before not answered 'already answered', " +
            $"{final.Count:N0} rows for {Users:N0} users; integrity_check {integrity}/{finalIntegrity}");
    }

    private static string Self => typeof(KillDuringBurstDrill).Assembly.Location;

    private static IEnumerable<(string User, string Title)> Acks(IEnumerable<string> lines) =>
        lines.Where(l => l.StartsWith("ACK ", StringComparison.Ordinal))
            .Select(l => l["ACK ".Length..].Split(' ', 2))
            .Select(parts => (parts[0], parts[1]));

    private static (HashSet<string> Users, string Integrity) Stored(SqliteDatabase database)
    {
        using var connection = database.Open();
        var users = connection.Query<string>(
            "SELECT u.external_id FROM answers a JOIN users u ON u.id = a.user_id JOIN channels c ON c.id = a.channel_id WHERE c.external_id = @Channel",
            new { Channel }).ToList();
        var distinct = users.ToHashSet();
        if (distinct.Count != users.Count) throw new InvalidOperationException("a user has two rows for one post");
        return (distinct, connection.ExecuteScalar<string>("PRAGMA integrity_check;")!);
    }
}
