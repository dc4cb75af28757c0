using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StudyBot.Web;

/// <summary>Runs the web endpoint on Kestrel inside the bot's generic host, for as long as the host runs.</summary>
public sealed class StudyWebServer(IServiceProvider host, IOptions<WebOptions> options, ILogger<StudyWebServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>Where it listens once started (the real port when a URL asked for port 0).</summary>
    public IReadOnlyList<string> Addresses =>
        _app?.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        _app = StudyWebApplication.Build(host, settings, web => web.WebHost.UseUrls([.. WebUrls.Split(settings.Urls)]));
        await _app.StartAsync(cancellationToken);
        logger.LogInformation("Web endpoint listening on {Urls} (admin token {Token}).", string.Join(", ", Addresses),
            string.IsNullOrEmpty(settings.AdminToken) ? "not set: loopback only" : "set");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
