using Quartz;
using StudyBot.Core.Health;

namespace StudyBot.Scheduling;

/// <summary>The scheduler is ready while Quartz reports it running: not before its hosted service starts it, not in standby, not after shutdown.</summary>
public sealed class QuartzReadiness(ISchedulerFactory schedulers) : IReadinessProbe
{
    public string Name => "scheduler";

    public async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var state = await scheduler.GetStatus(cancellationToken);
        return state == SchedulerStatus.Running ? null : $"the scheduler is {state.ToString().ToLowerInvariant()}, not running";
    }
}
