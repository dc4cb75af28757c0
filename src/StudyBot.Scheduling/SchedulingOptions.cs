using System.ComponentModel.DataAnnotations;

namespace StudyBot.Scheduling;

/// <summary>Scheduler tuning. Bound from <c>StudyBot:Scheduling</c>.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "StudyBot:Scheduling";

    /// <summary>How late a trigger may fire and still count as on time; later ones follow their misfire rule.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "StudyBot:Scheduling:MisfireThreshold must be between 00:00:01 and 01:00:00.")]
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Jobs (posts, closes, boards) run at the same time; due ones beyond this wait for a free slot.</summary>
    [Range(1, 500, ErrorMessage = "StudyBot:Scheduling:MaxConcurrentJobs must be between 1 and 500.")]
    public int MaxConcurrentJobs { get; set; } = 25;
}
