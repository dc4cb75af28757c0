namespace StudyBot.Web.Tests;

public sealed class PageAccessTests(SeededBot seeded) : IClassFixture<SeededBot>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/channels")]
    [InlineData("/channels/1")]
    [InlineData("/questions")]
    [InlineData("/topics?q=s3")]
    [InlineData("/topics/pages/s3")]
    [InlineData("/static/site.css")]
    public async Task Off_loopback_without_a_token_every_page_is_401(string path)
    {
        var (status, body, _) = await seeded.Bot.GetAsync(path);
        Assert.Equal(401, status);
        Assert.DoesNotContain("study-room", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_index_links_every_page_and_the_probes()
    {
        var page = await seeded.PageAsync("/");
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/channels", "/questions", "/topics", "/healthz/live", "/healthz/ready", "/metrics"], links);
    }

    [Fact]
    public async Task The_stylesheet_is_served_by_the_app_and_the_csp_allows_only_it()
    {
        var (status, css, headers) = await seeded.Bot.GetAsync("/static/site.css", remote: "127.0.0.1");
        Assert.Equal(200, status);
        Assert.StartsWith("text/css", headers.ContentType.ToString(), StringComparison.Ordinal);
        Assert.Contains("#daily-chart .answers", css, StringComparison.Ordinal);

        var (_, body, pageHeaders) = await seeded.Bot.GetAsync("/channels", remote: "127.0.0.1");
        var csp = pageHeaders.ContentSecurityPolicy.ToString();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", body, StringComparison.Ordinal);
    }
}
