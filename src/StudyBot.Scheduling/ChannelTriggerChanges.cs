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
/// <param name="ToRecord">
/// Stored before schedules were recorded (no description) and still waiting for a fire time that has
/// passed: storing one again would lose that misfire, so the synchronizer compares it with the stored
/// trigger itself. One whose next fire time is still ahead is simply stored again: built from now, an
/// unchanged schedule gives the same next fire time.
/// </param>
internal sealed record ChannelTriggerChanges(IReadOnlyList<ChannelTrigger> ToStore, IReadOnlyList<ChannelTrigger> ToRecord, IReadOnlyList<TriggerKey> ToRemove, int Wanted)
{
    public static ChannelTriggerChanges Between(IEnumerable<ChannelTrigger> wanted, IEnumerable<TriggerHeader> stored, DateTimeOffset now)
    {
        var storedHeaders = stored.Where(IsChannelTrigger).ToDictionary(header => header.Key);
        var wantedKeys = new HashSet<TriggerKey>();
        var toStore = new List<ChannelTrigger>();
        var toRecord = new List<ChannelTrigger>();
        foreach (var trigger in wanted)
        {
            wantedKeys.Add(trigger.Key);
            if (storedHeaders.TryGetValue(trigger.Key, out var header) && header.Description == trigger.Schedule) continue;
            if (header is { Description: null } && header.NextFireTimeUtc < now) toRecord.Add(trigger);
            else toStore.Add(trigger);
        }
        var toRemove = storedHeaders.Keys.Where(key => !wantedKeys.Contains(key)).ToList();
        return new ChannelTriggerChanges(toStore, toRecord, toRemove, wantedKeys.Count);
    }

    // Close triggers share the group but belong to posts, not to channel settings.
    private static bool IsChannelTrigger(TriggerHeader header) =>
        header.JobKey.Equals(PostDailyQuestionJob.Key) || header.JobKey.Equals(PostLeaderboardJob.Key);
}
