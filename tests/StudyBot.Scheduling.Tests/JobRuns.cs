using Quartz;
using StudyBot.Testing;

namespace StudyBot.Scheduling.Tests;

/// <summary>One job run that has finished, and the trigger that fired it.</summary>
/// <param name="Recovering">A re-run of a fire whose scheduler died mid-run.</param>
internal sealed record JobRun(TriggerKey Trigger, DateTimeOffset? FiredAt, JobExecutionException? Error, bool Recovering = false);

/// <summary>
/// Records every job run once it has finished, so a test can wait for "the daily job has run and
/// decided" instead of sleeping. Add it before the host starts: a misfire can fire at once.
/// </summary>
internal sealed class JobRuns : IJobListener
{
    public Recorded<JobRun> Finished { get; } = new();

    public string Name => nameof(JobRuns);

    public static JobRuns On(IScheduler scheduler)
    {
        var runs = new JobRuns();
        scheduler.ListenerManager.AddJobListener(runs, [GroupMatcher<JobKey>.AnyGroup()]);
        return runs;
    }

    /// <summary>The first finished run fired by <paramref name="trigger"/>.</summary>
    public Task<JobRun> WaitForAsync(TriggerKey trigger) =>
        Finished.WaitForAsync(run => run.Trigger.Equals(trigger), TimeSpan.FromSeconds(20), $"a finished run of {trigger}");

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        Finished.Add(new JobRun(context.Trigger.Key, context.FireTimeUtc, jobException, context.Recovering));
        return ValueTask.CompletedTask;
    }
}
