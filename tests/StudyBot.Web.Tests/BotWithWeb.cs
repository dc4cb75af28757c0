using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Console;
using StudyBot.Testing;

namespace StudyBot.Web.Tests;

/// <summary>
/// The whole bot (real content, SQLite file, Quartz, console adapter) with its web endpoint on, plus
/// the same web app on a test server, so a test can choose each request's remote address.
/// </summary>
internal sealed class BotWithWeb : IAsyncDisposable
{
    public const string RemoteAddress = "203.0.113.7";

    private readonly TempDirectory _dir = new();
    private WebApplication? _web;

    public TypedTerminal Terminal { get; } = new();
    public IHost Host { get; private set; } = null!;
    public string DatabasePath => _dir.File("data/studybot.db");
    private TestServer Server => _web!.GetTestServer();

    public static Task<BotWithWeb> StartAsync(params string[] settings) => StartAsync(_ => { }, settings);

    /// <param name="addContent">Writes more packs next to the end-to-end pack, into the content folder of the temp directory.</param>
    public static async Task<BotWithWeb> StartAsync(Action<TempDirectory> addContent, params string[] settings)
    {
        var bot = new BotWithWeb();
        EndToEndPack.WriteTo(bot._dir);
        addContent(bot._dir);
        var builder = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={bot._dir.File("content")}",
            $"--StudyBot:Storage:DatabasePath={bot.DatabasePath}",
            "--StudyBot:Web:Urls=http://127.0.0.1:0",
            .. settings,
        ]);
        builder.Services.AddSingleton(new ConsoleTerminal(bot.Terminal.Input, bot.Terminal.Output));
        bot.Host = builder.Build();
        await bot.Host.StartAsync();
        bot._web = StudyWebApplication.Build(bot.Host.Services, bot.Host.Services.GetRequiredService<IOptions<WebOptions>>().Value,
            web => web.WebHost.UseTestServer());
        await bot._web.StartAsync();
        return bot;
    }

    public async Task<(int Status, string Body, IHeaderDictionary Headers)> GetAsync(string path, string remote = RemoteAddress,
        string? authorization = null, string? forwardedFor = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var context = await Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            var query = path.IndexOf('?', StringComparison.Ordinal);
            c.Request.Path = query < 0 ? path : path[..query];
            c.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
            foreach (var (name, value) in headers ?? new Dictionary<string, string>()) c.Request.Headers[name] = value;
            c.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            if (authorization is not null) c.Request.Headers.Authorization = authorization;
            if (forwardedFor is not null) c.Request.Headers["X-Forwarded-For"] = forwardedFor;
        });
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, await reader.ReadToEndAsync(), context.Response.Headers);
    }

    public async ValueTask DisposeAsync()
    {
        if (_web is not null) await _web.DisposeAsync();
        await Host.StopAsync();
        Host.Dispose();
        _dir.Dispose();
    }
}
