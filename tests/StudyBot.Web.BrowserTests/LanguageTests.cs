using System.Text.RegularExpressions;

namespace StudyBot.Web.BrowserTests;

[Collection(WebCollection.Name)]
public sealed partial class LanguageTests(SeededBot bot, Chromium chromium)
{
    [GeneratedRegex(@"\p{IsHangulSyllables}")]
    private static partial Regex Hangul();

    [Fact]
    public async Task The_korean_switch_turns_the_page_korean_and_the_choice_sticks_on_the_next_page()
    {
        var page = await chromium.NewPageAsync("en-US");
        await page.GotoAsync(new Uri(bot.BaseAddress, $"/questions?pack={SeedPack.PackId}").ToString());
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.DoesNotMatch(Hangul(), await page.Locator("table#questions thead").InnerTextAsync());

        await page.Locator("a#lang-ko").ClickAsync();
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'ko'");
        Assert.Matches(Hangul(), await page.Locator("table#questions thead").InnerTextAsync());

        await page.GotoAsync(new Uri(bot.BaseAddress, $"/channels/{bot.ChannelId}").ToString());
        Assert.Equal("ko", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains(SeedPack.Topics["s3"].Ko, await page.Locator("table#topic-accuracy").InnerTextAsync(), StringComparison.Ordinal);

        await page.Locator("a#lang-en").ClickAsync();
        await page.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");
        Assert.Contains(SeedPack.Topics["s3"].En, await page.Locator("table#topic-accuracy").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_korean_browser_gets_the_korean_page_without_choosing()
    {
        var page = await chromium.NewPageAsync("ko-KR");

        await page.GotoAsync(new Uri(bot.BaseAddress, "/channels").ToString());

        Assert.Equal("ko", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Matches(Hangul(), await page.Locator("body").InnerTextAsync());
    }
}
