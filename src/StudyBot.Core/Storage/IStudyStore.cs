using StudyBot.Core.Chat;

namespace StudyBot.Core.Storage;

/// <summary>Channels and their schedules.</summary>
public interface IChannelStore
{
    /// <summary>The channel's settings, adding a disabled channel with defaults on first sight.</summary>
    Task<ChannelSettings> GetOrAddAsync(ChannelAddress address, CancellationToken cancellationToken);

    Task<ChannelSettings?> FindAsync(long channelId, CancellationToken cancellationToken);

    Task UpdateAsync(ChannelSettings settings, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChannelSettings>> ListEnabledAsync(CancellationToken cancellationToken);
}

/// <summary>People who answered, keyed by platform and platform user id.</summary>
public interface IUserStore
{
    /// <summary>The user's id, adding the user (or refreshing the display name) as needed.</summary>
    Task<long> GetOrAddAsync(ChatUser user, CancellationToken cancellationToken);
}

/// <summary>Posted questions and their answers.</summary>
public interface IPostStore
{
    /// <summary>
    /// Reserves the channel's post for a local date. Returns the existing post and <c>false</c> when
    /// one is already reserved for that date: that is what makes a second trigger harmless.
    /// </summary>
    Task<(Post Post, bool Created)> ReserveAsync(NewPost post, CancellationToken cancellationToken);

    Task SetMessageIdAsync(long postId, string messageId, CancellationToken cancellationToken);

    Task<Post?> FindAsync(long postId, CancellationToken cancellationToken);

    /// <summary>The newest post of the channel that is not closed yet.</summary>
    Task<Post?> FindOpenAsync(long channelId, CancellationToken cancellationToken);

    /// <summary>All posts not closed yet, in every channel (to reschedule their close after a restart).</summary>
    Task<IReadOnlyList<Post>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>Question ids posted in the channel, oldest first.</summary>
    Task<IReadOnlyList<string>> PostedQuestionIdsAsync(long channelId, CancellationToken cancellationToken);

    /// <summary>
    /// Commits an answer if the post is open at <see cref="NewAnswer.AnsweredAt"/> and the user has
    /// not answered it: one answer per user per post is enforced by a unique key. The streak is the
    /// user's streak on the channel's previous post (0 if they missed it), then
    /// <see cref="Scoring.ScoringRules.Score"/>.
    /// </summary>
    Task<AnswerOutcome> RecordAnswerAsync(NewAnswer answer, CancellationToken cancellationToken);

    /// <summary>Closes the post; <c>false</c> if it was closed already (so the reveal happens once).</summary>
    Task<bool> CloseAsync(long postId, DateTimeOffset closedAt, CancellationToken cancellationToken);

    Task<PostResults> ResultsAsync(long postId, CancellationToken cancellationToken);
}

/// <summary>Leaderboards and stats. Only answers to closed posts count, so a board never gives an answer away.</summary>
public interface IStatsQueries
{
    /// <summary>The channel's best, in order; <paramref name="from"/>/<paramref name="to"/> bound the answer time (UTC), null for all time.</summary>
    Task<IReadOnlyList<LeaderboardRow>> LeaderboardAsync(long channelId, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken);

    Task<UserStats> UserStatsAsync(long channelId, long userId, CancellationToken cancellationToken);

    /// <summary>The user's accuracy per topic across all channels and practice.</summary>
    Task<IReadOnlyList<TopicAccuracy>> TopicAccuracyAsync(long userId, CancellationToken cancellationToken);
}

/// <summary>Answers to private practice questions: they shape <c>/quiz</c> and <c>/stats</c>, never the boards.</summary>
public interface IPracticeStore
{
    Task RecordAsync(long userId, string questionId, string topicId, bool isCorrect, DateTimeOffset answeredAt, CancellationToken cancellationToken);
}
