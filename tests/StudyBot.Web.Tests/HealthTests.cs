using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Adapters.Common;

namespace StudyBot.Web.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Live_answers_anyone_without_a_token()
    {
        await using var bot = await BotWithWeb.StartAsync();
        var (status, body, _) = await bot.GetAsync("/healthz/live");
        Assert.Equal(200, status);
        Assert.Contains("live", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_is_200_when_database_scheduler_console_and_content_are_up()
    {
        await using var bot = await BotWithWeb.StartAsync();
        await bot.Terminal.WaitFor("/help"); // the console adapter has started
        var (status, body, _) = await bot.GetAsync("/healthz/ready");
        Assert.Equal(200, status);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("ready", json.RootElement.GetProperty("status").GetString());
        Assert.Empty(json.RootElement.GetProperty("notReady").EnumerateArray());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal(["chat adapters", "content", "database", "scheduler"], checks.EnumerateObject().Select(c => c.Name).ToArray());
        Assert.Contains("console", checks.GetProperty("chat adapters").GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_is_503_and_names_the_database_when_its_file_is_gone()
    {
        await using var bot = await BotWithWeb.StartAsync();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(bot.DatabasePath)!)) File.Delete(file);

        var (status, body, _) = await bot.GetAsync("/healthz/ready");

        Assert.Equal(503, status);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(["database"], json.RootElement.GetProperty("notReady").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Contains("missing", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_follows_an_adapter_from_connecting_to_connected_to_reconnecting()
    {
        await using var bot = await BotWithWeb.StartAsync();
        await bot.Terminal.WaitFor("/help");
        var registry = bot.Host.Services.GetRequiredService<IChatAdapterRegistry>();

        registry.Started("discord");
        var connecting = await bot.GetAsync("/healthz/ready");
        registry.Connected("discord");
        var connected = await bot.GetAsync("/healthz/ready");
        registry.Disconnected("discord", "no heartbeat ACK (zombie connection)");
        var reconnecting = await bot.GetAsync("/healthz/ready");

        Assert.Equal(503, connecting.Status);
        Assert.Contains("discord: connecting", connecting.Body, StringComparison.Ordinal);
        Assert.Equal(200, connected.Status);
        Assert.Equal(503, reconnecting.Status);
        using var json = JsonDocument.Parse(reconnecting.Body);
        Assert.Equal(["chat adapters"], json.RootElement.GetProperty("notReady").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Contains("discord: reconnecting: no heartbeat ACK", reconnecting.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hosted_server_listens_on_the_configured_loopback_url()
    {
        await using var bot = await BotWithWeb.StartAsync();
        var address = Assert.Single(bot.Host.Services.GetRequiredService<StudyWebServer>().Addresses);
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);

        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(address + "/healthz/live"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        // Loopback needs no token, even for the metrics.
        using var metrics = await http.GetAsync(new Uri(address + "/metrics"));
        Assert.Equal(System.Net.HttpStatusCode.OK, metrics.StatusCode);
    }

    [Fact]
    public async Task The_healthcheck_verb_exits_0_when_ready_and_1_when_nothing_answers()
    {
        await using var bot = await BotWithWeb.StartAsync();
        await bot.Terminal.WaitFor("/help");
        var address = Assert.Single(bot.Host.Services.GetRequiredService<StudyWebServer>().Addresses);
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, await HealthCheckCommand.RunAsync(address, output, error));
        Assert.Contains("\"ready\"", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await HealthCheckCommand.RunAsync("http://127.0.0.1:9", output, error));
        Assert.Contains("does not answer", error.ToString(), StringComparison.Ordinal);
    }
}
