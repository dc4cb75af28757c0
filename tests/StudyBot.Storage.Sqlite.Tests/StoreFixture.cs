using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Testing;

namespace StudyBot.Storage.Sqlite.Tests;

/// <summary>A real SQLite file in a temp folder with every store on it.</summary>
public sealed class StoreFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public StoreFixture()
    {
        Database = new SqliteDatabase(_dir.File("data/studybot.db"));
        Database.Migrate();
        Channels = new SqliteChannelStore(Database);
        Users = new SqliteUserStore(Database);
        Posts = new SqlitePostStore(Database);
        Stats = new SqliteStatsQueries(Database);
        Practice = new SqlitePracticeStore(Database);
    }

    public SqliteDatabase Database { get; }
    public SqliteChannelStore Channels { get; }
    public SqliteUserStore Users { get; }
    public SqlitePostStore Posts { get; }
    public SqliteStatsQueries Stats { get; }
    public SqlitePracticeStore Practice { get; }

    public static readonly DateTimeOffset T0 = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    public async Task<ChannelSettings> ChannelAsync(string id = "c1", string zone = "UTC") =>
        await Channels.GetOrAddAsync(new ChannelAddress("test", id), default) is var channel && channel.TimeZoneId != zone
            ? await UpdateZone(channel, zone)
            : channel;

    private async Task<ChannelSettings> UpdateZone(ChannelSettings channel, string zone)
    {
        var updated = channel with { TimeZoneId = zone, Enabled = true };
        await Channels.UpdateAsync(updated, default);
        return updated;
    }

    public Task<long> UserAsync(string name) => Users.GetOrAddAsync(new ChatUser("test", name, name), default);

    public async Task<Post> PostAsync(long channelId, DateOnly date, DateTimeOffset opens, TimeSpan? window = null, string question = "q1") =>
        (await Posts.ReserveAsync(new NewPost(channelId, "pack", question, date, opens, opens + (window ?? TimeSpan.FromHours(12))), default)).Post;

    public Task<AnswerOutcome> AnswerAsync(Post post, long userId, bool correct, DateTimeOffset at, int points = -1, int streak = 1) =>
        Posts.RecordAnswerAsync(new NewAnswer(post.Id, post.ChannelId, userId, "topic", correct ? "0" : "1", correct,
            points >= 0 ? points : correct ? 10 : 0, correct ? streak : 0, at), default);

    public void Dispose() => _dir.Dispose();
}
