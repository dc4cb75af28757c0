using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StudyBot.Testing;

namespace StudyBot.Web.Tests;

public sealed class AccessTests
{
    private const string Token = "correct-horse-battery-staple";

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/")]
    public async Task Off_loopback_only_the_right_bearer_token_gets_in(string path)
    {
        await using var bot = await BotWithWeb.StartAsync($"--StudyBot:Web:AdminToken={Token}");

        Assert.Equal(401, (await bot.GetAsync(path)).Status);
        Assert.Equal(401, (await bot.GetAsync(path, authorization: "Bearer wrong-token-of-some-length")).Status);
        Assert.Equal(401, (await bot.GetAsync(path, authorization: Token)).Status); // no scheme
        Assert.Equal(200, (await bot.GetAsync(path, authorization: $"Bearer {Token}")).Status);
        Assert.Equal(200, (await bot.GetAsync(path, remote: "127.0.0.1")).Status);
        Assert.Equal(200, (await bot.GetAsync(path, remote: "::1")).Status);
    }

    [Fact]
    public async Task A_401_asks_for_a_bearer_token_and_does_not_echo_the_one_sent()
    {
        await using var bot = await BotWithWeb.StartAsync($"--StudyBot:Web:AdminToken={Token}");
        var (status, body, headers) = await bot.GetAsync("/metrics", authorization: "Bearer guessed-token-value");
        Assert.Equal(401, status);
        Assert.Equal("Bearer", headers.WWWAuthenticate.ToString());
        Assert.DoesNotContain("guessed", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_remote_callers_get_only_health()
    {
        await using var bot = await BotWithWeb.StartAsync();
        Assert.Equal(401, (await bot.GetAsync("/metrics", authorization: "Bearer anything-at-all-here")).Status);
        Assert.Equal(200, (await bot.GetAsync("/healthz/live")).Status);
    }

    [Fact]
    public async Task A_request_forwarded_by_a_local_proxy_counts_as_remote()
    {
        await using var bot = await BotWithWeb.StartAsync($"--StudyBot:Web:AdminToken={Token}");
        Assert.Equal(401, (await bot.GetAsync("/metrics", remote: "127.0.0.1", forwardedFor: BotWithWeb.RemoteAddress)).Status);
        Assert.Equal(200, (await bot.GetAsync("/metrics", remote: "127.0.0.1", forwardedFor: BotWithWeb.RemoteAddress, authorization: $"Bearer {Token}")).Status);
        Assert.Equal(200, (await bot.GetAsync("/healthz/live", remote: "127.0.0.1", forwardedFor: BotWithWeb.RemoteAddress)).Status);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        await using var bot = await BotWithWeb.StartAsync();
        var (_, _, headers) = await bot.GetAsync("/healthz/live");
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        Assert.Equal("DENY", headers.XFrameOptions.ToString());
        Assert.Contains("frame-ancestors 'none'", headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://*:8080")]
    [InlineData("http://127.0.0.1:8080;http://studybot.example:8080")]
    public async Task A_url_beyond_loopback_without_an_admin_token_refuses_to_start_naming_the_setting(string urls)
    {
        using var dir = new TempDirectory();
        EndToEndPack.WriteTo(dir);
        using var host = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={dir.File("content")}",
            $"--StudyBot:Storage:DatabasePath={dir.File("data/studybot.db")}",
            $"--StudyBot:Web:Urls={urls}",
        ]).Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("StudyBot:Web:AdminToken", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact]
    public void Without_urls_the_host_has_no_web_endpoint()
    {
        using var dir = new TempDirectory();
        EndToEndPack.WriteTo(dir);
        using var host = StudyBotHost.CreateBuilder([$"--StudyBot:Content:Path={dir.File("content")}", $"--StudyBot:Storage:DatabasePath={dir.File("data/studybot.db")}"]).Build();
        Assert.Null(host.Services.GetService<StudyWebServer>());
        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), s => s is StudyWebServer);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://[::1]:8080/", true)]
    [InlineData("http://127.1.2.3:80", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("https://192.168.1.10:8443", false)]
    [InlineData("ftp://127.0.0.1:21", false)]
    public void Loopback_urls_are_told_from_the_rest(string url, bool loopback) => Assert.Equal(loopback, WebUrls.IsLoopback(url));

    [Theory]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080")]
    [InlineData("http://*:8080/", "http://127.0.0.1:8080")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080")]
    public void The_probe_url_reaches_a_wildcard_binding_from_inside(string url, string probe) => Assert.Equal(probe, WebUrls.ForLocalProbe(url));
}
