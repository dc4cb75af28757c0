using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Storage;

namespace StudyBot.Scheduling;

/// <summary>
/// At start, gives every enabled channel its triggers and every open post its close, when missing.
/// Existing triggers are left alone: replacing one would reset it and lose a misfire Quartz is
/// about to recover. Settings changes reschedule through the commands instead.
/// </summary>
public sealed class ScheduleSynchronizer(
    ISchedulerFactory schedulers,
    IChannelStore channels,
    IPostStore posts,
    IStudySchedule schedule,
    ILogger<ScheduleSynchronizer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var existing = (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(StudySchedule.Group), cancellationToken)).ToHashSet();

        var added = 0;
        foreach (var channel in await channels.ListEnabledAsync(cancellationToken))
        {
            if (existing.Contains(StudySchedule.DailyKey(channel.Id))) continue;
            await schedule.ScheduleChannelAsync(channel, cancellationToken);
            added++;
        }
        foreach (var post in await posts.ListOpenAsync(cancellationToken))
        {
            if (!existing.Contains(StudySchedule.CloseKey(post.Id)))
                await schedule.ScheduleCloseAsync(post.Id, post.ClosesAt, cancellationToken);
        }
        if (added > 0) logger.LogInformation("Scheduled {Count} channels that had no triggers.", added);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
