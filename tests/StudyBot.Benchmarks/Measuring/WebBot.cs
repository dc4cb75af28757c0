using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Console;
using StudyBot.Web;

namespace StudyBot.Benchmarks.Measuring;

/// <summary>
/// The whole bot started as the host runs it, with its web endpoint on Kestrel at 127.0.0.1 on a free
/// port, and an HttpClient on it: the web benchmarks time real HTTP on loopback. The console adapter
/// (on when no chat platform is configured) gets input that never ends, so it neither reads the
/// benchmark's stdin nor stops the bot.
/// </summary>
public sealed class WebBot : IAsyncDisposable
{
    private readonly IHost _host;

    private WebBot(IHost host, Uri address)
    {
        _host = host;
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public static async Task<WebBot> StartAsync(string databasePath, string contentPath, TimeProvider? clock = null)
    {
        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={contentPath}",
            $"--StudyBot:Storage:DatabasePath={databasePath}",
            "--StudyBot:Web:Urls=http://127.0.0.1:0",
        ]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (clock is not null) builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(new ConsoleTerminal(new EndlessInput(), TextWriter.Null));
        var host = builder.Build();
        await host.StartAsync();
        return new WebBot(host, new Uri(host.Services.GetRequiredService<StudyWebServer>().Addresses.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.StopAsync();
        _host.Dispose();
    }

    private sealed class EndlessInput : TextReader
    {
        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return null;
        }
    }
}
