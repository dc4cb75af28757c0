using StudyBot.Core.Storage;

namespace StudyBot.Core.Scheduling;

/// <summary>The port to the scheduler: keeps each channel's triggers in step with its settings.</summary>
public interface IStudySchedule
{
    /// <summary>Creates or replaces the channel's daily-question and weekly-leaderboard triggers.</summary>
    Task ScheduleChannelAsync(ChannelSettings channel, CancellationToken cancellationToken);

    Task UnscheduleChannelAsync(long channelId, CancellationToken cancellationToken);

    /// <summary>Makes sure the post is closed (and revealed) at <paramref name="closesAt"/>, even after a restart.</summary>
    Task ScheduleCloseAsync(long postId, DateTimeOffset closesAt, CancellationToken cancellationToken);
}
