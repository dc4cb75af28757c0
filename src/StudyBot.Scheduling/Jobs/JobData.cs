using System.Globalization;
using Quartz;

namespace StudyBot.Scheduling.Jobs;

/// <summary>Job data keys. Values are stored as strings so the persisted schedule never depends on a serializer's type names.</summary>
internal static class JobData
{
    public const string ChannelId = "channelId";
    public const string PostId = "postId";

    public static string Format(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static long Read(IJobExecutionContext context, string key) =>
        long.Parse(context.MergedJobDataMap.GetString(key) ?? throw new JobExecutionException($"Trigger {context.Trigger.Key} has no '{key}'."), CultureInfo.InvariantCulture);
}
