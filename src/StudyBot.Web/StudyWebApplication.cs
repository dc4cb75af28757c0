using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using StudyBot.Web.Health;
using StudyBot.Web.Pages;

namespace StudyBot.Web;

/// <summary>
/// The web endpoint's routes and rules, built over the bot's own service provider: every answer
/// comes from the host's services (ports, health checks, meters), the web app only adds HTTP.
/// </summary>
public static class StudyWebApplication
{
    /// <param name="configure">Chooses the server: Kestrel on the configured URLs in the host, a test server in tests.</param>
    public static WebApplication Build(IServiceProvider host, WebOptions options, Action<WebApplicationBuilder> configure)
    {
        var web = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        // The bot's settings were read once by the host; this app must not pick up a second set (appsettings, ASPNETCORE_*).
        web.Configuration.Sources.Clear();
        web.Configuration.AddInMemoryCollection(); // where UseUrls and the test server write their settings
        web.Logging.ClearProviders();
        web.Services.AddSingleton(host.GetRequiredService<ILoggerFactory>());
        configure(web);

        var app = web.Build();
        var access = new AdminAccess(options.AdminToken);
        app.Use(async (context, next) =>
        {
            SecurityHeaders(context.Response);
            if (access.Allows(context))
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await context.Response.WriteAsync("Send Authorization: Bearer <StudyBot:Web:AdminToken>.\n");
        });
        app.MapStudyHealth(host);
        app.MapPrometheusScrapingEndpoint("/metrics", host.GetRequiredService<MeterProvider>(), null, null);
        app.MapStudyPages(host);
        return app;
    }

    private static void SecurityHeaders(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        // The pages load only their own stylesheet and submit only to themselves: no scripts, no inline styles.
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
