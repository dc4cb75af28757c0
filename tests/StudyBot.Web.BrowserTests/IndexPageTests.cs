using System.Text.Json;

namespace StudyBot.Web.BrowserTests;

[Collection(WebCollection.Name)]
public sealed class IndexPageTests(SeededBot bot, Chromium chromium)
{
    [Fact]
    public async Task The_index_lists_the_health_and_metrics_routes()
    {
        var page = await chromium.NewPageAsync();

        var response = await page.GotoAsync(new Uri(bot.BaseAddress, "/").ToString());

        Assert.Equal(200, response!.Status);
        var text = await page.Locator("body").InnerTextAsync();
        Assert.Contains("/healthz/ready", text, StringComparison.Ordinal);
        Assert.Contains("/metrics", text, StringComparison.Ordinal);
        Assert.Equal("DENY", await response.HeaderValueAsync("x-frame-options"));
    }

    [Fact]
    public async Task Readiness_reads_ready_in_the_browser_once_the_bot_is_up()
    {
        var page = await chromium.NewPageAsync();

        var response = await page.GotoAsync(new Uri(bot.BaseAddress, "/healthz/ready").ToString());

        Assert.Equal(200, response!.Status);
        // The response body as sent: Chromium wraps a JSON document in its own viewer markup.
        using var body = JsonDocument.Parse(await response.TextAsync());
        Assert.Equal(0, body.RootElement.GetProperty("notReady").GetArrayLength());
    }
}
