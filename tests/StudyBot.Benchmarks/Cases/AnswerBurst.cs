using System.Diagnostics;
using StudyBot.Benchmarks.Measuring;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;

namespace StudyBot.Benchmarks.Cases;

/// <summary>What one burst did: how fast, how long each click waited, and what was stored.</summary>
public sealed record BurstOutcome(int Clicks, TimeSpan Elapsed, Latencies Latency, int Recorded, int StoredRows, int DistinctUsers)
{
    public double PerSecond => Clicks / Elapsed.TotalSeconds;
}

/// <summary>
/// Sets up a channel with today's question open on a bot core, and fires clicks at it through the
/// inbound port: the path every adapter's click handler takes.
/// </summary>
public sealed class AnswerBurst(BotCore bot, string channel = "burst")
{
    public Post? Post { get; private set; }
    public string ButtonId { get; private set; } = "";

    public async Task OpenQuestionAsync()
    {
        var admin = BotCore.As("admin", channel, admin: true);
        await bot.Inbox.HandleCommandAsync(admin, "/study setup 09:00 UTC aws-saa", default);
        await bot.Inbox.HandleCommandAsync(admin, "/study now", default);
        var settings = await bot.Get<IChannelStore>().GetOrAddAsync(admin.Channel, default);
        Post = await bot.Get<IPostStore>().FindOpenAsync(settings.Id, default)
            ?? throw new InvalidOperationException("/study now posted nothing");
        var question = bot.Get<ContentCatalog>().Find(Post.PackId)!.FindQuestion(Post.QuestionId)!;
        // A "choose two" question is answered by the second click, which carries the first pick.
        ButtonId = question.ChoicesToPick == 2 ? ButtonIds.Daily(Post.Id, 1, 0) : ButtonIds.Daily(Post.Id, 0);
    }

    /// <summary>Clicks from users <paramref name="firstUser"/>.. with at most <paramref name="inFlight"/> waiting for a reply at once.</summary>
    /// <remarks><paramref name="distinctUsers"/> counts the post's answering users in the provider's own rows (SQLite's when null).</remarks>
    public async Task<BurstOutcome> RunAsync(int clicks, int inFlight, int firstUser = 0, Func<long, Task<int>>? distinctUsers = null)
    {
        var latency = new Latencies();
        var recorded = 0;
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, inFlight).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < clicks)
            {
                var receipt = Stopwatch.GetTimestamp();
                var reply = await bot.Inbox.HandleButtonAsync(BotCore.As($"user{firstUser + i}", channel), ButtonId, default);
                latency.Add(Stopwatch.GetElapsedTime(receipt));
                if (reply.Message.Title == "Answer recorded") Interlocked.Increment(ref recorded);
            }
        }));
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var results = await bot.Get<IPostStore>().ResultsAsync(Post!.Id, default);
        var distinct = distinctUsers is not null ? await distinctUsers(Post.Id) : SqliteDistinctUsers(Post.Id);
        return new BurstOutcome(clicks, elapsed, latency, recorded, results.Answered, distinct);
    }

    private int SqliteDistinctUsers(long postId)
    {
        using var connection = bot.Get<StudyBot.Storage.Sqlite.SqliteDatabase>().Open();
        return Dapper.SqlMapper.ExecuteScalar<int>(connection, "SELECT COUNT(DISTINCT user_id) FROM answers WHERE post_id = @postId", new { postId });
    }
}
