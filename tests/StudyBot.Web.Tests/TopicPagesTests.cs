namespace StudyBot.Web.Tests;

public sealed class TopicPagesTests(SeededBot seeded) : IClassFixture<SeededBot>
{
    [Fact]
    public async Task A_search_finds_a_topic_by_alias_and_links_to_its_page()
    {
        var page = await seeded.PageAsync("/topics?q=simple%20storage");

        Assert.Equal("simple storage", page.QuerySelector("form#topic-search input[name=\"q\"]")!.GetAttribute("value"));
        var link = page.QuerySelector("#topic-results li[data-topic-id=\"s3\"] a")!;
        Assert.Equal("/topics/pages/s3?q=simple%20storage", link.GetAttribute("href"));
        Assert.Equal("Amazon S3", link.TextContent);
    }

    [Fact]
    public async Task Without_a_query_every_topic_is_listed()
    {
        var page = await seeded.PageAsync("/topics");
        Assert.Equal(["ebs", "iam", "s3"], page.QuerySelectorAll("#topic-results li").Select(l => l.GetAttribute("data-topic-id")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_topic_page_shows_the_card_topic_replies_with()
    {
        var page = await seeded.PageAsync("/topics/pages/s3");

        var card = page.QuerySelector("article#topic")!;
        Assert.Equal("Amazon S3", card.QuerySelector("h1")!.TextContent);
        Assert.Equal("Object storage in buckets.", card.QuerySelector("p")!.TextContent);
        Assert.Equal(["Objects up to 5 TB.", "Eleven nines of durability."], card.QuerySelectorAll("li").Select(l => l.TextContent));
        Assert.Equal(["Also known as"], card.QuerySelectorAll("dt").Select(d => d.TextContent));
        Assert.Equal("S3, Simple Storage Service", card.QuerySelector("dd")!.TextContent);
    }

    [Fact]
    public async Task A_topic_page_in_korean_has_the_korean_title_and_labels()
    {
        var page = await seeded.PageAsync("/topics/pages/s3?lang=ko");
        Assert.Equal("S3 스토리지", page.QuerySelector("article#topic h1")!.TextContent);
        Assert.Equal("다른 이름", page.QuerySelector("article#topic dt")!.TextContent);
    }

    [Fact]
    public async Task A_search_that_finds_nothing_echoes_the_query_encoded()
    {
        var (status, body, _) = await seeded.Bot.GetAsync("/topics?q=%3Cb%3Ezzzz", remote: "127.0.0.1");
        Assert.Equal(200, status);
        Assert.Contains("&lt;b&gt;zzzz", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>zzzz", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/topics/pages/nope")]
    [InlineData("/topics/nope/s3")]
    [InlineData("/no-such-page")]
    public async Task An_unknown_topic_or_page_is_a_404_page(string path)
    {
        var page = await seeded.PageAsync(path, 404);
        Assert.NotNull(page.QuerySelector("#not-found"));
    }
}
