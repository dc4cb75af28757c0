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

    private readonly Dictionary<long, ChatUser> _usersById = [];

    public async Task<long> UserAsync(string name)
    {
        var id = await Users.GetOrAddAsync(User(name), default);
        lock (_usersById) _usersById[id] = User(name);
        return id;
    }

    public static ChatUser User(string name) => new("test", name, name);

    public ChatUser UserById(long id)
    {
        lock (_usersById) return _usersById[id];
    }

    public async Task<Post> PostAsync(long channelId, DateOnly date, DateTimeOffset opens, TimeSpan? window = null, string question = "q1") =>
        (await Posts.ReserveAsync(new NewPost(channelId, "pack", question, date, opens, opens + (window ?? TimeSpan.FromHours(12))), default)).Post;

    /// <summary>Answers as a user made by <see cref="UserAsync"/>; the store scores the answer.</summary>
    public Task<AnswerOutcome> AnswerAsync(Post post, long userId, bool correct, DateTimeOffset at, string topic = "topic", CancellationToken cancellationToken = default) =>
        Posts.RecordAnswerAsync(new NewAnswer(post.Id, post.ChannelId, UserById(userId), topic, correct ? "0" : "1", correct, at), cancellationToken);

    /// <summary>The stored streak and points of the user's answer to the post.</summary>
    public (int Streak, int Points) Scored(Post post, string name)
    {
        using var connection = Database.Open();
        return Dapper.SqlMapper.QuerySingle<(int, int)>(connection,
            "SELECT a.streak, a.points FROM answers a JOIN users u ON u.id = a.user_id WHERE a.post_id = @post AND u.external_id = @name",
            new { post = post.Id, name });
    }

    public void Dispose() => _dir.Dispose();
}
