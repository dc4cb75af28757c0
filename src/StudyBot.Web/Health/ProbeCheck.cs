using Microsoft.Extensions.Diagnostics.HealthChecks;
using StudyBot.Core.Health;

namespace StudyBot.Web.Health;

/// <summary>One core <see cref="IReadinessProbe"/> as a health check; a probe that throws is not ready, with the exception's type.</summary>
public sealed class ProbeCheck(IReadinessProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await probe.ProblemAsync(cancellationToken) is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"the {probe.Name} check failed ({e.GetType().Name})");
        }
    }
}
