using StudyBot.Core.Chat;
using StudyBot.Core.Study;

namespace StudyBot.Core.Storage;

/// <summary>A channel the bot knows and how it is scheduled there. Times and <see cref="PostDays"/> are local to <see cref="TimeZoneId"/>.</summary>
/// <param name="ThreadEnabled">Daily posts get a discussion thread and the reveal's summary goes into it.</param>
/// <param name="PingGroupId">The study role (Discord) or user group (Slack) each daily post mentions; null for none.</param>
/// <param name="PinEnabled">The open daily post is pinned, and unpinned when it closes.</param>
/// <param name="AdminUserId">The platform user id of the last admin who changed this channel's study settings:
/// the one person told (privately, once) when the bot lacks a permission a setting needs.</param>
/// <param name="NoticesSent">Missing-permission notices already sent, so each goes out once, not once a day.</param>
public sealed record ChannelSettings(
    long Id,
    ChannelAddress Address,
    bool Enabled,
    TimeOnly PostTime,
    string TimeZoneId,
    string? PackId,
    bool LeaderboardEnabled,
    DayOfWeek LeaderboardDay,
    TimeOnly LeaderboardTime,
    StudyDays PostDays,
    bool ThreadEnabled = true,
    string? PingGroupId = null,
    bool PinEnabled = false,
    string? AdminUserId = null,
    GroupNotices NoticesSent = GroupNotices.None);

/// <summary>A daily question posted (or being posted) in a channel on one local date.</summary>
public sealed record Post(
    long Id,
    long ChannelId,
    string PackId,
    string QuestionId,
    DateOnly LocalDate,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    string? MessageId,
    DateTimeOffset? ClosedAt)
{
    public bool IsOpenAt(DateTimeOffset now) => ClosedAt is null && now < ClosesAt;
}

/// <summary>What to reserve before posting, so a crash or a second trigger can never post the same day twice.</summary>
public sealed record NewPost(long ChannelId, string PackId, string QuestionId, DateOnly LocalDate, DateTimeOffset OpensAt, DateTimeOffset ClosesAt);

/// <summary>
/// An answer as clicked. The store scores it (<see cref="Scoring.ScoringRules.Score"/> with the user's
/// streak from the channel's previous post) and adds a first-time user in the transaction that
/// records it: in a burst, one click costs one share of one commit.
/// </summary>
/// <param name="Review">The member's card update for the question, applied in the same transaction only when the answer is recorded.</param>
public sealed record NewAnswer(
    long PostId,
    long ChannelId,
    ChatUser User,
    string TopicId,
    string Choices,
    bool IsCorrect,
    DateTimeOffset AnsweredAt,
    CardReview? Review = null);

public enum AnswerOutcome
{
    Recorded,
    AlreadyAnswered,
    Closed,
    UnknownPost,
}

/// <summary>How a closed question went.</summary>
public sealed record PostResults(int Answered, int Correct, string? FirstCorrectName, IReadOnlyList<int> ChoiceCounts);

/// <summary>One row of a leaderboard, already in order.</summary>
public sealed record LeaderboardRow(long UserId, string DisplayName, int Points, int Correct, int Answered);

/// <summary>How one user does in one topic (daily and practice answers together).</summary>
public sealed record TopicAccuracy(string TopicId, int Answered, int Correct)
{
    public double Accuracy => Answered == 0 ? 0 : (double)Correct / Answered;
}

/// <summary>A user's record in a channel.</summary>
public sealed record UserStats(int Answered, int Correct, int Points, int CurrentStreak, int BestStreak, IReadOnlyList<TopicAccuracy> Topics);
