using StudyBot.Core.Chat;
using StudyBot.Core.Storage;

namespace StudyBot.Adapters.Slack.Tests.Fakes;

/// <summary>
/// Just enough storage for the real core to take clicks: channels, users and posts in memory, one
/// answer per user per post like the SQLite unique key. Methods the click path never uses throw.
/// </summary>
public sealed class InMemoryStudyStore : IChannelStore, IUserStore, IPostStore, IStatsQueries, IPracticeStore
{
    private readonly Lock _gate = new();
    private readonly List<ChannelSettings> _channels = [];
    private readonly Dictionary<string, long> _users = [];
    private readonly Dictionary<long, Post> _posts = [];

    public List<NewAnswer> Answers { get; } = [];

    public ChannelSettings AddChannel(ChannelAddress address)
    {
        lock (_gate)
        {
            var channel = new ChannelSettings(_channels.Count + 1, address, true, new TimeOnly(9, 0), "Asia/Seoul", "test", true, DayOfWeek.Sunday, new TimeOnly(20, 0));
            _channels.Add(channel);
            return channel;
        }
    }

    public void AddPost(Post post)
    {
        lock (_gate) _posts[post.Id] = post;
    }

    public Task<ChannelSettings> GetOrAddAsync(ChannelAddress address, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_channels.FirstOrDefault(c => c.Address == address) ?? AddChannel(address));
    }

    public Task<ChannelSettings?> FindAsync(long channelId, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_channels.FirstOrDefault(c => c.Id == channelId));
    }

    public Task<long> GetOrAddAsync(ChatUser user, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var key = $"{user.Platform}:{user.UserId}";
            if (!_users.TryGetValue(key, out var id)) _users[key] = id = _users.Count + 1;
            return Task.FromResult(id);
        }
    }

    Task<Post?> IPostStore.FindAsync(long postId, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_posts.GetValueOrDefault(postId));
    }

    public Task<AnswerOutcome> RecordAnswerAsync(NewAnswer answer, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_posts.TryGetValue(answer.PostId, out var post)) return Task.FromResult(AnswerOutcome.UnknownPost);
            if (!post.IsOpenAt(answer.AnsweredAt)) return Task.FromResult(AnswerOutcome.Closed);
            if (Answers.Any(a => a.PostId == answer.PostId && a.User.UserId == answer.User.UserId)) return Task.FromResult(AnswerOutcome.AlreadyAnswered);
            Answers.Add(answer);
            return Task.FromResult(AnswerOutcome.Recorded);
        }
    }

    public Task UpdateAsync(ChannelSettings settings, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<ChannelSettings>> ListEnabledAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<(Post Post, bool Created)> ReserveAsync(NewPost post, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task SetMessageIdAsync(long postId, string messageId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<Post?> FindOpenAsync(long channelId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<Post>> ListOpenAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<string>> PostedQuestionIdsAsync(long channelId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<bool> CloseAsync(long postId, DateTimeOffset closedAt, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<PostResults> ResultsAsync(long postId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<LeaderboardRow>> LeaderboardAsync(long channelId, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<UserStats> UserStatsAsync(long channelId, long userId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<TopicAccuracy>> TopicAccuracyAsync(long userId, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task RecordAsync(long userId, string questionId, string topicId, bool isCorrect, DateTimeOffset answeredAt, CancellationToken cancellationToken) => throw new NotSupportedException();
}
