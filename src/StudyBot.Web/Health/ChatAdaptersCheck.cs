using Microsoft.Extensions.Diagnostics.HealthChecks;
using StudyBot.Adapters.Common;

namespace StudyBot.Web.Health;

/// <summary>Ready when every chat adapter that started has its connection up; names each one that has not.</summary>
public sealed class ChatAdaptersCheck(IChatAdapterStates adapters) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var states = adapters.States;
        var down = states.Where(s => !s.IsConnected).Select(s => $"{s.Platform}: {s.Problem}").ToList();
        if (states.Count == 0) return Task.FromResult(HealthCheckResult.Unhealthy("no chat adapter has started"));
        return Task.FromResult(down.Count == 0
            ? HealthCheckResult.Healthy(string.Join(", ", states.Select(s => s.Platform)) + " connected")
            : HealthCheckResult.Unhealthy(string.Join("; ", down)));
    }
}
