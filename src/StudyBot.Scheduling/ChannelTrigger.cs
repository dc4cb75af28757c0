using Quartz;
using StudyBot.Core.Storage;
using StudyBot.Scheduling.Jobs;
using ChannelZones = StudyBot.Core.Study.TimeZones;

namespace StudyBot.Scheduling;

/// <summary>
/// Builds a channel's cron triggers, for a settings command and for the start-up synchronizer alike,
/// so both store the same trigger. Its description records the schedule it was built from (cron and
/// zone): at the next start that tells an unchanged trigger, which must be kept, from a changed one.
/// </summary>
internal static class ChannelTrigger
{
    /// <summary>The daily trigger, and the weekly one when the channel's board is on.</summary>
    public static IEnumerable<ITrigger> For(ChannelSettings channel, TimeProvider clock)
    {
        yield return Daily(channel, clock);
        if (channel.LeaderboardEnabled) yield return Weekly(channel, clock);
    }

    // FireAndProceed: after downtime the missed post fires once at start-up; the job posts it only if
    // today's post time has passed and today has no post yet.
    public static ITrigger Daily(ChannelSettings channel, TimeProvider clock) =>
        Build(StudySchedule.DailyKey(channel.Id), PostDailyQuestionJob.Key, channel, clock,
            $"0 {channel.PostTime.Minute} {channel.PostTime.Hour} * * ?", CronTriggerMisfireInstruction.FireAndProceed);

    // DoNothing: a board missed while the bot was down is skipped; a late board would show the wrong week.
    public static ITrigger Weekly(ChannelSettings channel, TimeProvider clock) =>
        Build(StudySchedule.WeeklyKey(channel.Id), PostLeaderboardJob.Key, channel, clock,
            $"0 {channel.LeaderboardTime.Minute} {channel.LeaderboardTime.Hour} ? * {(int)channel.LeaderboardDay + 1}", CronTriggerMisfireInstruction.DoNothing);

    /// <summary>What a trigger's description says about its schedule: "0 0 9 * * ? Asia/Seoul".</summary>
    public static string Schedule(string cron, TimeZoneInfo zone) => $"{cron} {zone.Id}";

    private static ITrigger Build(TriggerKey key, JobKey job, ChannelSettings channel, TimeProvider clock, string cron, CronTriggerMisfireInstruction misfire)
    {
        var zone = ChannelZones.FindOrUtc(channel.TimeZoneId);
        return TriggerBuilder.Create(clock)
            .WithIdentity(key)
            .ForJob(job)
            .WithDescription(Schedule(cron, zone))
            .UsingJobData(JobData.ChannelId, JobData.Format(channel.Id))
            .WithSchedule(CronScheduleBuilder.Create(cron)
                .InTimeZone(zone)
                .WithMisfireInstruction(misfire))
            .Build();
    }
}
