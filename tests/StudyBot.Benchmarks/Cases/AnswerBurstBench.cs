using StudyBot.Benchmarks.Measuring;

namespace StudyBot.Benchmarks.Cases;

/// <summary>
/// 10,000 first-time users answer one open question at once, through the real inbound port and
/// SQLite, beside raw SQLite writing the same rows one transaction each.
/// </summary>
public static class AnswerBurstBench
{
    public const int Clicks = 10_000;

    /// <summary>Clicks waiting for a reply at once: what a gateway dispatching every event on arrival keeps open.</summary>
    public const int InFlight = 64;

    public static async Task RunAsync(ResultTable table)
    {
        using var dir = new TempDirectory();
        Console.Error.WriteLine("answer burst: raw SQLite ...");
        var raw = RawSqliteBurst.Run(dir.File("raw.db"), Clicks);
        Console.Error.WriteLine("answer burst: through IChatInbox ...");
        using var bot = new BotCore(dir.File("bot.db"), Repository.AwsPack);
        var burst = new AnswerBurst(bot);
        await burst.OpenQuestionAsync();
        var batchesBefore = bot.Get<StudyBot.Storage.Sqlite.SqliteDatabase>().GroupCommit.CommittedBatches;
        var outcome = await burst.RunAsync(Clicks, InFlight);
        var batches = bot.Get<StudyBot.Storage.Sqlite.SqliteDatabase>().GroupCommit.CommittedBatches - batchesBefore;

        var ok = outcome.Recorded == Clicks && outcome.StoredRows == Clicks && outcome.DistinctUsers == Clicks;
        var check = ok
            ? "10,000 rows, none twice"
            : $"CHECK FAILED: {outcome.Recorded:N0} acknowledged, {outcome.StoredRows:N0} rows, {outcome.DistinctUsers:N0} distinct users";
        table.Add(new Result("answer burst via IChatInbox + SQLite (answers/s)", outcome.PerSecond, "answers/s", 5_000, false,
            "raw SQLite, one transaction each", raw.PerSecond, $"{check}; {InFlight} in flight; {batches:N0} group commits for {Clicks:N0} clicks", Checked: ok));
        table.Add(new Result("answer burst receipt-to-reply p99", outcome.Latency.P99, "ms", 50, true,
            "raw SQLite commit p99", raw.Latency.P99,
            $"p50 {ResultTable.Number(outcome.Latency.P50)} ms, max {ResultTable.Number(outcome.Latency.Max)} ms; raw p50 {ResultTable.Number(raw.Latency.P50)} ms"));
    }
}
