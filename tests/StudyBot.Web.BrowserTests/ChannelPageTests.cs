using System.Globalization;

namespace StudyBot.Web.BrowserTests;

[Collection(WebCollection.Name)]
public sealed class ChannelPageTests(SeededBot bot, Chromium chromium)
{
    [Fact]
    public async Task The_channel_list_links_to_the_channel_page_whose_chart_has_a_bar_per_day_with_answers()
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(bot.BaseAddress, "/channels").ToString());

        await page.Locator($"table#channels tr[data-channel-id='{bot.ChannelId}'] a").First.ClickAsync();
        await page.WaitForURLAsync($"**/channels/{bot.ChannelId}");

        var bars = page.Locator("svg#daily-chart rect.answers");
        var days = new List<string>();
        foreach (var bar in await bars.AllAsync()) days.Add(await bar.GetAttributeAsync("data-day") ?? "");
        Assert.Equal(bot.PostDates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), days.Order(StringComparer.Ordinal));
        Assert.Equal(1, await page.Locator("svg#daily-chart polyline.accuracy").CountAsync());
        Assert.True(await page.Locator("table#weekly-board").IsVisibleAsync());
        Assert.True(await page.Locator("table#alltime-board").IsVisibleAsync());
        Assert.Contains("Member 00", await page.Locator("table#alltime-board").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(SeedPack.Topics.Count, await page.Locator("table#topic-accuracy tbody tr").CountAsync());
        await Screenshots.TakeAsync(page, "channel");
    }
}
