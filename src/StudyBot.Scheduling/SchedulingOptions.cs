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

    /// <summary>
    /// This node's name in a cluster (PostgreSQL only); the machine name when left out. Every node needs its
    /// own, kept across restarts: set it when two nodes share a host name.
    /// </summary>
    [MaxLength(200, ErrorMessage = "StudyBot:Scheduling:InstanceId must be at most 200 characters.")]
    public string? InstanceId { get; set; }

    /// <summary>The <see cref="InstanceId"/> in force: the machine name when left out.</summary>
    public string NodeName => InstanceId ?? Environment.MachineName;

    /// <summary>How often a clustered node records that it is alive.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "StudyBot:Scheduling:ClusterCheckinInterval must be between 00:00:01 and 00:05:00.")]
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long past a missed check-in the other nodes wait before they take a node's triggers over: a dead
    /// node's posts move within about <see cref="ClusterCheckinInterval"/> + this.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "StudyBot:Scheduling:ClusterCheckinMisfireThreshold must be between 00:00:01 and 00:10:00.")]
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(15);
}
