using Microsoft.Extensions.Diagnostics.HealthChecks;
using StudyBot.Core.Content;

namespace StudyBot.Web.Health;

/// <summary>Ready when at least one pack is loaded, so a daily question has something to ask.</summary>
public sealed class ContentCheck(ContentCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(catalog.Packs.Count > 0
            ? HealthCheckResult.Healthy($"{catalog.Packs.Count} pack(s), {catalog.Packs.Sum(p => p.Questions.Count)} questions")
            : HealthCheckResult.Unhealthy("no content pack is loaded"));
}
