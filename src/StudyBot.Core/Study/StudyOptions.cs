using System.ComponentModel.DataAnnotations;

namespace StudyBot.Core.Study;

/// <summary>How daily questions run. Bound from the <c>StudyBot:Study</c> section.</summary>
public sealed class StudyOptions
{
    public const string Section = "StudyBot:Study";

    /// <summary>How long a daily question takes answers before it is closed and revealed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "23:59:59", ErrorMessage = "StudyBot:Study:AnswerWindow must be between 00:00:01 and 23:59:59.")]
    public TimeSpan AnswerWindow { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Rows on a leaderboard.</summary>
    [Range(1, 25, ErrorMessage = "StudyBot:Study:LeaderboardSize must be between 1 and 25.")]
    public int LeaderboardSize { get; set; } = 10;

    /// <summary>The weekly leaderboard's default day and local time for newly set-up channels.</summary>
    public DayOfWeek DefaultLeaderboardDay { get; set; } = DayOfWeek.Sunday;

    public TimeOnly DefaultLeaderboardTime { get; set; } = new(20, 0);
}
