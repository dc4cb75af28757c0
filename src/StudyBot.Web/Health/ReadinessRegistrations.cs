using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StudyBot.Core.Health;

namespace StudyBot.Web.Health;

/// <summary>Adds one "ready" health check per <see cref="IReadinessProbe"/> the features registered, named by the probe.</summary>
public sealed class ReadinessRegistrations(IEnumerable<IReadinessProbe> probes) : IConfigureOptions<HealthCheckServiceOptions>
{
    public const string ReadyTag = "ready";

    /// <summary>A probe that hangs (a locked or stalled disk) reports not ready instead of holding the orchestrator's request.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public void Configure(HealthCheckServiceOptions options)
    {
        foreach (var probe in probes)
            options.Registrations.Add(new HealthCheckRegistration(probe.Name, _ => new ProbeCheck(probe), HealthStatus.Unhealthy, [ReadyTag], ProbeTimeout));
    }
}
