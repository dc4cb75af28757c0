using StudyBot.Core.Chat;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Contract;

/// <summary>Steps the storage tests repeat (a channel, a user, a post, an answer), written against the ports.</summary>
public class StoreScenario(IStorageUnderTest storage)
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<long, ChatUser> _usersById = [];

    public IChannelStore Channels => storage.Channels;
    public IUserStore Users => storage.Users;
    public IPostStore Posts => storage.Posts;
    public IStatsQueries Stats => storage.Stats;
    public IPracticeStore Practice => storage.Practice;
    public IReviewStore Reviews => storage.Reviews;
    public IReviewReminderStore Reminders => storage.Reminders;
    public IItemAnalysisQueries Items => storage.Items;
    public IChannelReportQueries Reports => storage.Reports;
    public ISuggestionStore Suggestions => storage.Suggestions;
    public IClusterLeases Leases => storage.Leases;

    public Task AddReviewCardAsync(long userId, string questionId, DateTimeOffset due, bool retired = false) =>
        storage.AddReviewCardAsync(userId, questionId, due, retired);

    /// <summary>The channel <paramref name="id"/>, enabled in <paramref name="zone"/> if it is not in that zone yet.</summary>
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
    public Task<(int Streak, int Points)> ScoredAsync(Post post, string name) => storage.ScoredAsync(post.Id, User(name));
}
