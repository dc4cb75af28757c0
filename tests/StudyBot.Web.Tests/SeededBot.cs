using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace StudyBot.Web.Tests;

/// <summary>One bot with the <see cref="PagesPack"/> and the <see cref="PagesSeed"/> data, shared by the page tests (they only read).</summary>
public sealed class SeededBot : IAsyncLifetime
{
    private BotWithWeb? _bot;
    private PagesSeed? _seed;

    internal BotWithWeb Bot => _bot ?? throw new InvalidOperationException("Started in InitializeAsync.");
    internal PagesSeed Seed => _seed ?? throw new InvalidOperationException("Seeded in InitializeAsync.");

    public async Task InitializeAsync()
    {
        _bot = await BotWithWeb.StartAsync(PagesPack.WriteTo);
        _seed = await PagesSeed.WriteAsync(_bot.Host.Services);
    }

    public async Task DisposeAsync()
    {
        if (_bot is not null) await _bot.DisposeAsync();
    }

    /// <summary>The page as a browser's DOM, asked from loopback; fails unless the status is <paramref name="status"/>.</summary>
    internal async Task<IDocument> PageAsync(string path, int status = 200, IReadOnlyDictionary<string, string>? headers = null)
    {
        var response = await Bot.GetAsync(path, remote: "127.0.0.1", headers: headers);
        Assert.True(response.Status == status, $"{path}: {response.Status}\n{response.Body}");
        Assert.StartsWith("text/html", response.Headers.ContentType.ToString(), StringComparison.Ordinal);
        return new HtmlParser().ParseDocument(response.Body);
    }

    /// <summary>The trimmed text of each cell of each body row of a table.</summary>
    internal static List<string[]> Rows(IDocument page, string tableId) =>
        page.QuerySelectorAll($"table#{tableId} tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
}
