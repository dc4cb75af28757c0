namespace StudyBot.Core.Health;

/// <summary>
/// One thing the bot needs before it can serve (its database, its scheduler). Each feature registers
/// its own; the web endpoint's <c>/healthz/ready</c> asks them all, so an orchestrator learns which is missing.
/// </summary>
public interface IReadinessProbe
{
    /// <summary>Short, stable name shown in the readiness report ("database", "scheduler").</summary>
    string Name { get; }

    /// <summary>Null when ready; otherwise what is wrong, in one sentence that holds no secret.</summary>
    Task<string?> ProblemAsync(CancellationToken cancellationToken);
}
