using Microsoft.Extensions.Configuration;
using StudyBot.Web;

namespace StudyBot;

/// <summary>
/// <c>studybot healthcheck [url]</c>: GETs <c>/healthz/ready</c> and exits 0 when ready, 1 otherwise.
/// The runtime image has no curl or wget; this lets Docker's HEALTHCHECK use the binary it already has.
/// Without a URL it probes the first of <c>StudyBot:Web:Urls</c> (appsettings.json, environment).
/// </summary>
public static class HealthCheckCommand
{
    public static async Task<int> RunAsync(string? url, TextWriter output, TextWriter error)
    {
        var configured = WebUrls.Split(new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build()[WebOptions.Setting(nameof(WebOptions.Urls))]);
        url ??= configured.Count > 0 ? configured[0] : null;
        if (url is null)
        {
            await error.WriteLineAsync($"No web endpoint: set {WebOptions.Setting(nameof(WebOptions.Urls))} (e.g. http://127.0.0.1:8080) or pass a URL.");
            return 1;
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri(WebUrls.ForLocalProbe(url) + "/healthz/ready"));
            await output.WriteLineAsync(await response.Content.ReadAsStringAsync());
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await error.WriteLineAsync($"StudyBot's web endpoint at {url} does not answer ({e.Message}).");
            return 1;
        }
    }
}
