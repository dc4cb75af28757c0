using Dapper;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Benchmarks.Measuring;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Storage.Sqlite;

namespace StudyBot.Benchmarks.Cases;

/// <summary>
/// Issue 13: the answer burst when every answer also updates the member's card (read, FSRS step, upsert,
/// review log row, all in the answer's group commit), beside the same burst on the same code with only the
/// card write skipped (<see cref="CardlessPostStore"/>). The 10,000 members already hold a card for the
/// question, so each answer updates one rather than creating it.
/// </summary>
public static class ReviewBurstBench
{
    private const int Clicks = AnswerBurstBench.Clicks, InFlight = AnswerBurstBench.InFlight, WarmupClicks = 2_000;

    public static async Task RunAsync(ResultTable table)
    {
        using var dir = new TempDirectory();
        // Cards first: whatever the process gains by having run a burst already goes to the yardstick.
        Console.Error.WriteLine("review burst: answers with card updates ...");
        var cards = await BurstAsync(dir.File("cards.db"), skipCards: false);
        Console.Error.WriteLine("review burst: the same without the card write ...");
        var cardless = await BurstAsync(dir.File("cardless.db"), skipCards: true);

        var ok = cards.Ok && cardless.Ok;
        table.Add(new Result("answer burst with card updates via IChatInbox + SQLite (answers/s)", cards.Outcome.PerSecond, "answers/s", 5_000, false,
            "same burst, card write skipped", cardless.Outcome.PerSecond,
            $"{cards.Check}; without cards: {cardless.Check}; {InFlight} in flight; {cards.Batches:N0} and {cardless.Batches:N0} group commits; each after a {WarmupClicks:N0}-click warm-up burst", Checked: ok));
        table.Add(new Result("answer burst with card updates, receipt-to-reply p99", cards.Outcome.Latency.P99, "ms", 50, true,
            "same burst, card write skipped, p99", cardless.Outcome.Latency.P99,
            $"p50 {ResultTable.Number(cards.Outcome.Latency.P50)} ms, max {ResultTable.Number(cards.Outcome.Latency.Max)} ms; without cards p50 {ResultTable.Number(cardless.Outcome.Latency.P50)} ms, max {ResultTable.Number(cardless.Outcome.Latency.Max)} ms"));
    }

    private sealed record Run(BurstOutcome Outcome, long Batches, bool Ok, string Check);

    private static async Task<Run> BurstAsync(string path, bool skipCards)
    {
        using var bot = new BotCore(path, Repository.AwsPack, services: skipCards
            ? services =>
            {
                services.AddSingleton<SqlitePostStore>();
                services.AddSingleton<IPostStore>(provider => new CardlessPostStore(provider.GetRequiredService<SqlitePostStore>()));
            }
            : null);
        var warm = new AnswerBurst(bot, "warm-up");
        await warm.OpenQuestionAsync();
        await warm.RunAsync(WarmupClicks, InFlight, firstUser: 1_000_000);

        var burst = new AnswerBurst(bot);
        await burst.OpenQuestionAsync();
        var database = bot.Get<SqliteDatabase>();
        var pack = bot.Get<ContentCatalog>().Find(burst.Post!.PackId)!;
        var question = pack.FindQuestion(burst.Post.QuestionId)!;
        // The burst's users ("user0".. as AnswerBurst names them), each with a card for today's question, reviewed and due in the past (150 to 10 days ago).
        var ids = ReviewDatabase.Seed(database, "bench", i => $"user{i}", Clicks, [(pack.Id, question)], DateTimeOffset.UtcNow.AddDays(-130),
            _ => ReviewDatabase.Member.Behind);
        using var connection = database.Open();
        var repsBefore = connection.ExecuteScalar<long>("SELECT SUM(reps) FROM review_cards WHERE user_id BETWEEN @first AND @last", new { first = ids[0], last = ids[^1] });

        var batchesBefore = database.GroupCommit.CommittedBatches;
        var outcome = await burst.RunAsync(Clicks, InFlight);
        var batches = database.GroupCommit.CommittedBatches - batchesBefore;

        var logged = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM review_log WHERE user_id BETWEEN @first AND @last AND before_reps > 0", new { first = ids[0], last = ids[^1] });
        var repsAfter = connection.ExecuteScalar<long>("SELECT SUM(reps) FROM review_cards WHERE user_id BETWEEN @first AND @last", new { first = ids[0], last = ids[^1] });
        var expected = skipCards ? 0 : Clicks;
        var answersOk = outcome.Recorded == Clicks && outcome.StoredRows == Clicks && outcome.DistinctUsers == Clicks;
        var ok = answersOk && logged == expected && repsAfter - repsBefore == expected;
        var check = ok
            ? $"10,000 answers, {expected:N0} cards updated"
            : $"CHECK FAILED: {outcome.Recorded:N0} acknowledged, {outcome.StoredRows:N0} rows, {outcome.DistinctUsers:N0} users, {logged:N0} card reviews logged, reps +{repsAfter - repsBefore:N0} (expected {expected:N0})";
        return new Run(outcome, batches, ok, check);
    }
}
