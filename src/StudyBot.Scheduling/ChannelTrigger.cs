using Quartz;
using StudyBot.Core.Storage;
using StudyBot.Scheduling.Jobs;
using StudyBot.Core.Study;
using ChannelZones = StudyBot.Core.Study.TimeZones;

namespace StudyBot.Scheduling;

/// <summary>
/// One of a channel's cron triggers, for a settings command and for the start-up synchronizer alike,
/// so both store the same trigger. The built trigger's description records its <see cref="Schedule"/>
/// (cron and zone): at the next start that tells an unchanged trigger, which must be kept, from a
/// changed one, without building or reading the trigger itself.
/// </summary>
internal sealed record ChannelTrigger(TriggerKey Key, JobKey Job, long ChannelId, string Cron, TimeZoneInfo Zone, CronTriggerMisfireInstruction Misfire)
{
    /// <summary>What the trigger's description says: "0 0 9 * * ? Asia/Seoul".</summary>
    public string Schedule => $"{Cron} {Zone.Id}";

    /// <summary>The daily trigger, and the weekly one when the channel's board is on.</summary>
    public static IEnumerable<ChannelTrigger> For(ChannelSettings channel)
    {
        yield return Daily(channel);
        if (channel.LeaderboardEnabled) yield return Weekly(channel);
    }

    // FireAndProceed: after downtime the missed post fires once at start-up; the job posts it only if
    // today is a study day, today's post time has passed and today has no post yet. Every day keeps the
    // cron it always had, so an upgrade leaves those triggers as they are.
    public static ChannelTrigger Daily(ChannelSettings channel) =>
        new(StudySchedule.DailyKey(channel.Id), PostDailyQuestionJob.Key, channel.Id,
            channel.PostDays == StudyDays.Daily
                ? $"0 {channel.PostTime.Minute} {channel.PostTime.Hour} * * ?"
                : $"0 {channel.PostTime.Minute} {channel.PostTime.Hour} ? * {channel.PostDays.CronDayOfWeek}",
            ChannelZones.FindOrUtc(channel.TimeZoneId), CronTriggerMisfireInstruction.FireAndProceed);

    // DoNothing: a board missed while the bot was down is skipped; a late board would show the wrong week.
    public static ChannelTrigger Weekly(ChannelSettings channel) =>
        new(StudySchedule.WeeklyKey(channel.Id), PostLeaderboardJob.Key, channel.Id,
            $"0 {channel.LeaderboardTime.Minute} {channel.LeaderboardTime.Hour} ? * {(int)channel.LeaderboardDay + 1}", ChannelZones.FindOrUtc(channel.TimeZoneId), CronTriggerMisfireInstruction.DoNothing);

    public ITrigger Build(TimeProvider clock) =>
        TriggerBuilder.Create(clock)
            .WithIdentity(Key)
            .ForJob(Job)
            .WithDescription(Schedule)
            .UsingJobData(JobData.ChannelId, JobData.Format(ChannelId))
            .WithSchedule(CronScheduleBuilder.Create(Cron)
                .InTimeZone(Zone)
                .WithMisfireInstruction(Misfire))
            .Build();
}
