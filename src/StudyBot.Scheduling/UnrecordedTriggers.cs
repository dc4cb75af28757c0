using Quartz;

namespace StudyBot.Scheduling;

/// <summary>
/// Channel triggers stored before each recorded its schedule in its description, met once after an
/// upgrade. One still waiting to make up a missed fire time is compared with the stored trigger itself:
/// unchanged, it only gets its description, which keeps the misfire Quartz is about to recover.
/// </summary>
internal static class UnrecordedTriggers
{
    /// <returns>The triggers whose stored schedule differs, to be stored again.</returns>
    public static async Task<IReadOnlyList<ChannelTrigger>> RecordAsync(IScheduler scheduler, IReadOnlyList<ChannelTrigger> unrecorded, CancellationToken cancellationToken)
    {
        if (unrecorded.Count == 0) return [];
        var stored = (await scheduler.GetTriggers([.. unrecorded.Select(trigger => trigger.Key)], cancellationToken))
            .OfType<ICronTrigger>().ToDictionary(trigger => trigger.Key);
        var changed = new List<ChannelTrigger>();
        foreach (var trigger in unrecorded)
        {
            if (stored.TryGetValue(trigger.Key, out var cron) && cron.CronExpressionString == trigger.Cron && cron.TimeZone.Id == trigger.Zone.Id)
                await scheduler.UpdateTriggerDetails(trigger.Key, new TriggerDetailsUpdate().WithDescription(trigger.Schedule), cancellationToken);
            else
                changed.Add(trigger);
        }
        return changed;
    }
}
