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

    // What a channel starts with when the bot first sees it (stores write these, not schema defaults).
    // It stays off until /study setup, which sets the post time and zone; the weekly board keeps these.

    /// <summary>Local time of the daily question for a new channel.</summary>
    public TimeOnly DefaultPostTime { get; set; } = new(9, 0);

    /// <summary>IANA time zone of a new channel.</summary>
    [Required(ErrorMessage = "StudyBot:Study:DefaultTimeZone must name an IANA time zone such as UTC or Asia/Seoul.")]
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>The weekly leaderboard's day and local time for a new channel.</summary>
    public DayOfWeek DefaultLeaderboardDay { get; set; } = DayOfWeek.Sunday;

    public TimeOnly DefaultLeaderboardTime { get; set; } = new(20, 0);
}
