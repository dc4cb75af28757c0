using Quartz;

namespace StudyBot.Scheduling;

/// <summary>
/// Splits triggers into <see cref="IScheduler.ScheduleJobs"/> calls. Each call is one job-store
/// transaction: one per trigger made a first start with 10,000 channels take 10–40 s, while one for
/// all 20,000 would hold the store's lock (and the memory of every row) for the whole start.
/// </summary>
internal static class TriggerBatches
{
    public const int Size = 2_000;

    /// <param name="jobs">The stored job of each trigger's <see cref="ITrigger.JobKey"/>: ScheduleJobs stores a job with its triggers.</param>
    public static IEnumerable<IReadOnlyDictionary<IJobDetail, IReadOnlyCollection<ITrigger>>> Of(
        IEnumerable<ITrigger> triggers, IReadOnlyDictionary<JobKey, IJobDetail> jobs, int size = Size) =>
        triggers.Chunk(size).Select(batch => (IReadOnlyDictionary<IJobDetail, IReadOnlyCollection<ITrigger>>)batch
            .GroupBy(trigger => trigger.JobKey)
            .ToDictionary(byJob => jobs[byJob.Key], byJob => (IReadOnlyCollection<ITrigger>)byJob.ToArray()));
}
