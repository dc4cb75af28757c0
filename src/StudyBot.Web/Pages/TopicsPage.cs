using StudyBot.Core.Content;
using StudyBot.Core.Text;

namespace StudyBot.Web.Pages;

/// <summary><c>/topics?q=</c>: the packs' own topic search (what <c>/topic</c> uses); without a query, every topic.</summary>
internal static class TopicsPage
{
    public const int Matches = 10;

    public static Markup Render(PageContext page)
    {
        var catalog = page.Service<ContentCatalog>();
        var query = page.Query("q");
        var found = query is null
            ? catalog.Packs.SelectMany(p => p.Topics.OrderBy(t => t.Title.Get(page.Language), StringComparer.CurrentCultureIgnoreCase).Select(t => (Pack: p, Topic: t))).ToList()
            : catalog.Packs.SelectMany(p => p.TopicIndex.Search(query, Matches).Select(m => (Pack: p, m.Topic))).ToList();
        var items = found.Select(f => Html.Of(
            $"""<li data-topic-id="{f.Topic.Id}"><a href="/topics/{Uri.EscapeDataString(f.Pack.Id)}/{Uri.EscapeDataString(f.Topic.Id)}{(query is null ? "" : "?q=" + Uri.EscapeDataString(query))}">{f.Topic.Title.Get(page.Language)}</a> <small>{f.Pack.Title.Get(page.Language)}</small></li>"""));

        return Html.Of($"""
            <h1>{page.Say("Topics", "주제")}</h1>
            <form id="topic-search" method="get" action="/topics">
            <label>{page.Say("Search", "검색")} <input name="q" type="search" value="{query ?? ""}" placeholder="{page.Say("a topic name or alias, e.g. ebs", "주제 이름 또는 별칭 (예: ebs)")}"></label>
            <button type="submit">{page.Say("Find", "찾기")}</button>
            </form>
            {(found.Count == 0 ? NothingFound(page, catalog, query ?? "") : Html.Of($"<ul id=\"topic-results\">{items}</ul>"))}
            """);
    }

    private static Markup NothingFound(PageContext page, ContentCatalog catalog, string query)
    {
        var suggestions = catalog.Packs.SelectMany(p => p.TopicIndex.Suggest(query, 3).Select(s => s.Topic.Title.Get(page.Language))).Distinct().ToList();
        var hint = suggestions.Count == 0 ? "" : page.Say($" Did you mean: {string.Join(", ", suggestions)}?", $" 혹시 이것인가요: {string.Join(", ", suggestions)}?");
        var shown = TextCut.ToLength(query, 100);
        return Html.Of($"""<p id="topic-results" class="empty">{page.Say($"Nothing matches \"{shown}\".{hint}", $"\"{shown}\"와 일치하는 주제가 없어요.{hint}")}</p>""");
    }
}
