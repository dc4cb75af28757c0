using Quartz;
using StudyBot.Scheduling.Jobs;

namespace StudyBot.Scheduling;

/// <summary>
/// How the stored channel triggers differ from the ones the channel settings ask for. A stored trigger
/// whose description names the same schedule is unchanged and is left alone: storing it again would
/// reset its fire times and lose a misfire Quartz is about to recover. One whose schedule differs
/// (the time or zone changed while the bot was down) is stored again; one that no enabled channel asks
/// for (the channel, or its board, was turned off) is removed.
/// </summary>
internal sealed record ChannelTriggerChanges(IReadOnlyList<ChannelTrigger> ToStore, IReadOnlyList<TriggerKey> ToRemove, int Unchanged)
{
    public static ChannelTriggerChanges Between(IEnumerable<ChannelTrigger> wanted, IEnumerable<TriggerHeader> stored)
    {
        var storedSchedules = stored.Where(IsChannelTrigger).ToDictionary(header => header.Key, header => header.Description);
        var wantedKeys = new HashSet<TriggerKey>();
        var toStore = new List<ChannelTrigger>();
        var unchanged = 0;
        foreach (var trigger in wanted)
        {
            wantedKeys.Add(trigger.Key);
            if (storedSchedules.TryGetValue(trigger.Key, out var schedule) && schedule == trigger.Schedule) unchanged++;
            else toStore.Add(trigger);
        }
        var toRemove = storedSchedules.Keys.Where(key => !wantedKeys.Contains(key)).ToList();
        return new ChannelTriggerChanges(toStore, toRemove, unchanged);
    }

    // Close triggers share the group but belong to posts, not to channel settings.
    private static bool IsChannelTrigger(TriggerHeader header) =>
        header.JobKey.Equals(PostDailyQuestionJob.Key) || header.JobKey.Equals(PostLeaderboardJob.Key);
}
