using Quartz;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Storage;
using StudyBot.Scheduling.Jobs;

namespace StudyBot.Scheduling;

/// <summary>
/// Keeps Quartz triggers in step with channel settings. Time zones and DST are Quartz's: a daily
/// trigger is a cron trigger in the channel's IANA zone, so 09:00 Asia/Seoul or America/New_York
/// stays 09:00 local across DST changes.
/// </summary>
public sealed class StudySchedule(ISchedulerFactory schedulers) : IStudySchedule
{
    public const string Group = "studybot";

    public static TriggerKey DailyKey(long channelId) => new($"daily-{channelId}", Group);
    public static TriggerKey WeeklyKey(long channelId) => new($"weekly-{channelId}", Group);
    public static TriggerKey CloseKey(long postId) => new($"close-{postId}", Group);

    public async Task ScheduleChannelAsync(ChannelSettings channel, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.ScheduleTrigger(ChannelTrigger.Daily(channel).Build(scheduler.TimeProvider), TriggerConflict.Replace, cancellationToken);
        if (channel.LeaderboardEnabled)
            await scheduler.ScheduleTrigger(ChannelTrigger.Weekly(channel).Build(scheduler.TimeProvider), TriggerConflict.Replace, cancellationToken);
        else
            await scheduler.UnscheduleJob(WeeklyKey(channel.Id), cancellationToken);
    }

    public async Task UnscheduleChannelAsync(long channelId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.UnscheduleJobs([DailyKey(channelId), WeeklyKey(channelId)], cancellationToken);
    }

    public async Task ScheduleCloseAsync(long postId, DateTimeOffset closesAt, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(CloseKey(postId))
            .ForJob(CloseQuestionJob.Key)
            .UsingJobData(JobData.PostId, JobData.Format(postId))
            .StartAt(closesAt)
            // A close missed while the bot was down happens as soon as it is back.
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken);
    }
}
