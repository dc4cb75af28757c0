namespace StudyBot.Web.Tests;

public sealed class PageLanguageTests(SeededBot seeded) : IClassFixture<SeededBot>
{
    [Fact]
    public async Task English_is_the_default_and_every_page_has_the_switch()
    {
        foreach (var path in new[] { "/", "/channels", $"/channels/{seeded.Seed.Channel.Id}", "/questions", "/topics", "/topics/pages/s3" })
        {
            var page = await seeded.PageAsync(path);
            Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
            Assert.Equal("English", page.QuerySelector("a#lang-en")!.TextContent);
            Assert.Equal("한국어", page.QuerySelector("a#lang-ko")!.TextContent);
        }
    }

    [Fact]
    public async Task Lang_ko_gives_korean_labels_and_remembers_them_in_a_strict_http_only_cookie()
    {
        var (status, body, headers) = await seeded.Bot.GetAsync($"/channels/{seeded.Seed.Channel.Id}?lang=ko", remote: "127.0.0.1");

        Assert.Equal(200, status);
        Assert.Contains("<html lang=\"ko\">", body, StringComparison.Ordinal);
        Assert.Contains("주제별 정답률", body, StringComparison.Ordinal);
        Assert.Contains("연속 정답", body, StringComparison.Ordinal);
        var cookie = headers.SetCookie.ToString();
        Assert.StartsWith("studybot-lang=ko", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        var remembered = await seeded.PageAsync("/channels", headers: new Dictionary<string, string> { ["Cookie"] = "studybot-lang=ko" });
        Assert.Equal("ko", remembered.DocumentElement.GetAttribute("lang"));
        Assert.Equal("이번 주 답", remembered.QuerySelector("table#channels th:last-child")!.TextContent);
    }

    [Theory]
    [InlineData("ko-KR,ko;q=0.9,en-US;q=0.8", "ko")]
    [InlineData("en-US,en;q=0.9,ko;q=0.8", "en")]
    [InlineData("fr-FR,ko;q=0.5", "ko")]
    [InlineData("de-DE", "en")]
    public async Task Without_a_choice_the_browsers_accept_language_decides(string acceptLanguage, string expected)
    {
        var page = await seeded.PageAsync("/questions", headers: new Dictionary<string, string> { ["Accept-Language"] = acceptLanguage });
        Assert.Equal(expected, page.DocumentElement.GetAttribute("lang"));
        if (expected == "ko") Assert.Equal("문제", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_switch_keeps_the_other_query_parameters()
    {
        var page = await seeded.PageAsync("/questions?pack=pages&sort=id&dir=desc&lang=ko");

        Assert.Equal("?lang=en&pack=pages&sort=id&dir=desc", page.QuerySelector("a#lang-en")!.GetAttribute("href"));
        Assert.Equal("?lang=ko&pack=pages&sort=id&dir=desc", page.QuerySelector("a#lang-ko")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_chosen_language_beats_the_browsers()
    {
        var page = await seeded.PageAsync("/topics?lang=en", headers: new Dictionary<string, string> { ["Accept-Language"] = "ko-KR", ["Cookie"] = "studybot-lang=ko" });
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
    }
}
