using Quartz;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Storage;
using ChannelZones = StudyBot.Core.Study.TimeZones;
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
        await scheduler.ScheduleTrigger(DailyTrigger(channel, scheduler.TimeProvider), TriggerConflict.Replace, cancellationToken);
        if (channel.LeaderboardEnabled)
            await scheduler.ScheduleTrigger(WeeklyTrigger(channel, scheduler.TimeProvider), TriggerConflict.Replace, cancellationToken);
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

    // FireAndProceed: after downtime the missed post fires once at start-up; the job posts it only if
    // today's post time has passed and today has no post yet.
    public static ITrigger DailyTrigger(ChannelSettings channel, TimeProvider clock) =>
        ChannelCronTrigger(DailyKey(channel.Id), PostDailyQuestionJob.Key, channel, clock,
            $"0 {channel.PostTime.Minute} {channel.PostTime.Hour} * * ?", CronTriggerMisfireInstruction.FireAndProceed);

    // DoNothing: a board missed while the bot was down is skipped; a late board would show the wrong week.
    public static ITrigger WeeklyTrigger(ChannelSettings channel, TimeProvider clock) =>
        ChannelCronTrigger(WeeklyKey(channel.Id), PostLeaderboardJob.Key, channel, clock,
            $"0 {channel.LeaderboardTime.Minute} {channel.LeaderboardTime.Hour} ? * {(int)channel.LeaderboardDay + 1}", CronTriggerMisfireInstruction.DoNothing);

    private static ITrigger ChannelCronTrigger(TriggerKey key, JobKey job, ChannelSettings channel, TimeProvider clock, string cron, CronTriggerMisfireInstruction misfire) =>
        TriggerBuilder.Create(clock)
            .WithIdentity(key)
            .ForJob(job)
            .UsingJobData(JobData.ChannelId, JobData.Format(channel.Id))
            .WithSchedule(CronScheduleBuilder.Create(cron)
                .InTimeZone(ChannelZones.FindOrUtc(channel.TimeZoneId))
                .WithMisfireInstruction(misfire))
            .Build();
}
