using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using StudyBot.Adapters.Common;
using StudyBot.Core;
using StudyBot.Core.Health;
using StudyBot.Web.Health;

namespace StudyBot.Web;

public static class StudyWebSetup
{
    /// <summary>
    /// Health checks, Prometheus metrics and the operator's pages on <c>StudyBot:Web:Urls</c>; nothing at
    /// all when that is empty, so the console or worker host runs as before.
    /// </summary>
    public static IHostApplicationBuilder AddStudyWeb(this IHostApplicationBuilder builder)
    {
        if (WebUrls.Split(builder.Configuration[WebOptions.Setting(nameof(WebOptions.Urls))]).Count == 0) return builder;

        builder.AddValidatedOptions<WebOptions>(WebOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();
        builder.Services.AddHealthChecks()
            .AddCheck<ChatAdaptersCheck>("chat adapters", tags: [ReadinessRegistrations.ReadyTag])
            .AddCheck<ContentCheck>("content", tags: [ReadinessRegistrations.ReadyTag]);
        builder.Services.AddSingleton<IConfigureOptions<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckServiceOptions>, ReadinessRegistrations>();
        builder.Services.AddSingleton<ReviewsDueReading>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("studybot"))
            .WithMetrics(metrics => metrics
                .AddMeter(StudyMetrics.MeterName, AdapterMetrics.MeterName)
                // Made with the meter provider and disposed with it, so the gauge reads this host's store only while exported.
                .AddInstrumentation(services => StudyMetrics.TrackReviewsDue(services.GetRequiredService<ReviewsDueReading>()))
                // No response cache: a scrape shows what happened up to now (Prometheus asks every few seconds anyway).
                .AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = 0));
        builder.Services.AddSingleton<StudyWebServer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<StudyWebServer>());
        return builder;
    }
}
