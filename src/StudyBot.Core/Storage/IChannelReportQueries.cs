namespace StudyBot.Core.Storage;

/// <summary>
/// What the operator's group pages read about channels: the list, a channel's day-by-day activity,
/// its accuracy per topic and its streaks. Only daily answers to closed posts count, as on the boards,
/// so a page never shows an answer before the reveal. The boards themselves come from
/// <see cref="IStatsQueries.LeaderboardAsync"/>.
/// </summary>
public interface IChannelReportQueries
{
    /// <summary>Every channel the bot knows (enabled or not), by id, with how many members ever answered there.</summary>
    Task<IReadOnlyList<ChannelSummary>> ChannelsAsync(CancellationToken cancellationToken);

    /// <summary>The channel's answers whose time falls in [<paramref name="from"/>, <paramref name="to"/>) (UTC).</summary>
    Task<int> AnswerCountAsync(long channelId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// Answers and correct answers per local day from <paramref name="first"/> to <paramref name="last"/>
    /// (inclusive), oldest first; a day is the local date of the post answered, and days without answers are left out.
    /// </summary>
    Task<IReadOnlyList<DailyActivity>> DailyActivityAsync(long channelId, DateOnly first, DateOnly last, CancellationToken cancellationToken);

    /// <summary>The whole channel's accuracy per topic, by topic id.</summary>
    Task<IReadOnlyList<TopicAccuracy>> TopicAccuracyAsync(long channelId, CancellationToken cancellationToken);

    /// <summary>
    /// The channel's members by current streak (their streak on the latest closed post; 0 if they missed it),
    /// then best streak, then name; at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<StreakRow>> StreakLeadersAsync(long channelId, int limit, CancellationToken cancellationToken);
}

/// <summary>A channel and how many members have answered there (closed posts).</summary>
public sealed record ChannelSummary(ChannelSettings Settings, int Members);

/// <summary>One local day of a channel: its answers and how many were right.</summary>
public sealed record DailyActivity(DateOnly Day, int Answered, int Correct)
{
    public double Accuracy => Answered == 0 ? 0 : (double)Correct / Answered;
}

/// <summary>A member's streaks in one channel.</summary>
public sealed record StreakRow(long UserId, string DisplayName, int CurrentStreak, int BestStreak);
