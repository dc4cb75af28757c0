namespace StudyBot.Core.Storage;

/// <summary>Leaderboards and stats. Only answers to closed posts count, so a board never gives an answer away.</summary>
public interface IStatsQueries
{
    /// <summary>The channel's best, in order; <paramref name="from"/>/<paramref name="to"/> bound the answer time (UTC), null for all time.</summary>
    Task<IReadOnlyList<LeaderboardRow>> LeaderboardAsync(long channelId, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken);

    Task<UserStats> UserStatsAsync(long channelId, long userId, CancellationToken cancellationToken);

    /// <summary>The user's accuracy per topic across all channels and practice.</summary>
    Task<IReadOnlyList<TopicAccuracy>> TopicAccuracyAsync(long userId, CancellationToken cancellationToken);
}
