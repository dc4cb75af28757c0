using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Storage;
using StudyBot.Scheduling.Jobs;

namespace StudyBot.Scheduling;

/// <summary>
/// At start, before Quartz runs, brings the stored triggers in step with the channel settings (which
/// may have changed while the bot was down) and gives every open post its close when missing. New and
/// changed triggers go to Quartz in batches; unchanged ones are kept (see <see cref="ChannelTriggerChanges"/>).
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
        var started = Stopwatch.GetTimestamp();
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var stored = (await scheduler.QueryTriggers(
            new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(StudySchedule.Group), Take = PagedQuery.All }, cancellationToken)).Items;
        var wanted = (await channels.ListEnabledAsync(cancellationToken)).SelectMany(ChannelTrigger.For);
        var changes = ChannelTriggerChanges.Between(wanted, stored, scheduler.TimeProvider.GetUtcNow());
        if (changes.ToRemove.Count > 0) await scheduler.UnscheduleJobs(changes.ToRemove, cancellationToken);
        IReadOnlyList<ChannelTrigger> toStore = [.. changes.ToStore, .. await UnrecordedTriggers.RecordAsync(scheduler, changes.ToRecord, cancellationToken)];
        await StoreAsync(scheduler, toStore, cancellationToken);

        var storedKeys = stored.Select(header => header.Key).ToHashSet();
        foreach (var post in await posts.ListOpenAsync(cancellationToken))
        {
            if (!storedKeys.Contains(StudySchedule.CloseKey(post.Id)))
                await schedule.ScheduleCloseAsync(post.Id, post.ClosesAt, cancellationToken);
        }
        logger.LogInformation("Channel triggers in step in {Milliseconds:0} ms: {Stored} of {Wanted} stored anew, {Removed} removed.",
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, toStore.Count, changes.Wanted, changes.ToRemove.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task StoreAsync(IScheduler scheduler, IReadOnlyList<ChannelTrigger> triggers, CancellationToken cancellationToken)
    {
        if (triggers.Count == 0) return;
        var jobs = (await scheduler.GetJobDetails([PostDailyQuestionJob.Key, PostLeaderboardJob.Key], cancellationToken)).ToDictionary(job => job.Key);
        // Replace: a changed trigger is stored over its old self, and the job is stored as it already is.
        // Each batch's triggers are built as it is taken, so one batch of them is in memory at a time.
        foreach (var batch in TriggerBatches.Of(triggers.Select(trigger => trigger.Build(scheduler.TimeProvider)), jobs))
            await scheduler.ScheduleJobs(batch, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }
}
