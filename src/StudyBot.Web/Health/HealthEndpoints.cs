using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StudyBot.Web.Health;

/// <summary>
/// <c>/healthz/live</c>: the process answers (no check runs, so a slow database never gets the
/// process restarted). <c>/healthz/ready</c>: every "ready" check, 200 or 503, with a JSON body
/// whose <c>notReady</c> lists what is missing.
/// </summary>
public static class HealthEndpoints
{
    public static void MapStudyHealth(this IEndpointRouteBuilder endpoints, IServiceProvider host)
    {
        endpoints.MapGet(AdminAccess.HealthPrefix + "/live", () => Results.Json(new { status = "live" }));
        endpoints.MapGet(AdminAccess.HealthPrefix + "/ready", async (CancellationToken cancellationToken) =>
        {
            var report = await host.GetRequiredService<HealthCheckService>()
                .CheckHealthAsync(check => check.Tags.Contains(ReadinessRegistrations.ReadyTag), cancellationToken);
            var ready = report.Status == HealthStatus.Healthy;
            var body = new
            {
                status = ready ? "ready" : "not ready",
                notReady = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => e.Key).Order(StringComparer.Ordinal).ToList(),
                checks = report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(
                    e => e.Key, e => new { status = e.Value.Status == HealthStatus.Healthy ? "ready" : "not ready", detail = e.Value.Description }),
            };
            return Results.Json(body, JsonOptions, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
