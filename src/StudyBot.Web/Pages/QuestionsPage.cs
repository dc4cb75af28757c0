using System.Globalization;
using Microsoft.AspNetCore.Http;
using StudyBot.Core.Content;
using StudyBot.Core.Items;

namespace StudyBot.Web.Pages;

/// <summary>
/// <c>/questions?pack=&amp;topic=&amp;sort=&amp;dir=</c>: the core's item analysis per question, filtered by pack and topic,
/// sorted on the server. The numbers are <see cref="ItemAnalyzer"/>'s as <see cref="KeptItemAnalysis"/> keeps them,
/// never recomputed here; the page says when their answers were read, since a refresh after a close runs behind it.
/// </summary>
internal static class QuestionsPage
{
    public static async Task<Markup?> RenderAsync(PageContext page)
    {
        var catalog = page.Service<ContentCatalog>();
        var packId = page.Query("pack");
        if (packId is not null && catalog.Find(packId) is null) return null;
        var topicId = page.Query("topic");
        var sort = page.Query("sort") is { } asked && QuestionSort.Keys.Contains(asked) ? asked : null;
        var descending = page.Query("dir") == "desc";

        var kept = await page.Service<KeptItemAnalysis>().GetAsync(new ItemFilter(packId, topicId), page.Aborted);
        var report = kept.Report;
        var questions = QuestionSort.Apply(report.Questions, sort, descending);
        var rows = questions.Select(q => Row(page, catalog, q)).ToList();
        if (rows.Count == 0) rows.Add(Html.Of($"""<tr class="empty"><td colspan="8">{page.Say("No question matches.", "맞는 문제가 없어요.")}</td></tr>"""));

        return Html.Of($"""
            <h1>{page.Say("Questions", "문제")}</h1>
            {Filter(page, catalog, packId, topicId, sort, descending)}
            <p id="summary">{page.Say(
                $"{report.Questions.Count} questions, {report.Answers} answers to closed daily questions, {report.Members} members ({report.RankedMembers} ranked for the discrimination index).",
                $"문제 {report.Questions.Count}개, 마감된 오늘의 문제에 답 {report.Answers}개, 멤버 {report.Members}명 (변별도 순위에 든 멤버 {report.RankedMembers}명).")}</p>
            {AsOf(page, kept)}
            <table id="questions">
            <thead><tr>{Header(page, QuestionSort.Id, page.Say("Question", "문제"), sort, descending)}{Header(page, QuestionSort.Topic, page.Say("Topic", "주제"), sort, descending)}{Header(page, QuestionSort.Answered, page.Say("Answered", "답"), sort, descending)}{Header(page, QuestionSort.Correct, page.Say("% correct", "정답률"), sort, descending)}<th>{page.Say("Choices", "보기별 비율")}</th>{Header(page, QuestionSort.Discrimination, page.Say("Discrimination", "변별도"), sort, descending)}<th>{page.Say("Flags", "표시")}</th></tr></thead>
            <tbody>
            {rows}
            </tbody>
            </table>
            <p class="note">{page.Say(
                "Discrimination: % correct of the top 27 % of members minus the bottom 27 %, by overall accuracy. Flags: too easy (> 90 % correct with ≥ 20 answers), too hard (< 25 %), suspect key (negative discrimination, or a wrong choice the top group prefers), dead distractor (a choice nobody picks).",
                "변별도: 전체 정답률 상위 27 % 멤버의 정답률에서 하위 27 %의 정답률을 뺀 값. 표시: 너무 쉬움 (답 20개 이상에 정답률 90 % 초과), 너무 어려움 (25 % 미만), 정답 의심 (변별도가 음수이거나 상위 그룹이 오답을 더 고름), 아무도 안 고른 오답.")}</p>
            """);
    }

    private static Markup AsOf(PageContext page, KeptReport kept)
    {
        var at = kept.AsOf.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        var stamp = kept.AsOf.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var refreshing = kept.Refreshing
            ? Html.Of($" {page.Say("(newer answers are being counted: reload in a moment)", "(새 답을 세는 중이에요. 잠시 후 새로고침하세요)")}")
            : Markup.Empty;
        return Html.Of($"""<p id="as-of" data-as-of="{stamp}" data-refreshing="{(kept.Refreshing ? "true" : "false")}">{page.Say($"Figures as of {at} UTC.", $"{at} UTC 기준 수치예요.")}{refreshing}</p>""");
    }

    private static Markup Row(PageContext page, ContentCatalog catalog, ItemStats q)
    {
        var topic = catalog.Find(q.PackId)?.FindTopic(q.Question.TopicId);
        var topicCell = topic is null
            ? Html.Of($"{q.Question.TopicId}")
            : Html.Of($"""<a href="/topics/{Uri.EscapeDataString(q.PackId)}/{Uri.EscapeDataString(topic.Id)}">{topic.Title.Get(page.Language)}</a>""");
        var shares = Enumerable.Range(0, q.ChoiceCounts.Count).Select(c => Html.Of(
            $"""<span class="share{(q.Question.CorrectChoices.Contains(c) ? " key" : "")}" data-choice="{Core.Content.Question.Letter(c).ToString()}">{Core.Content.Question.Letter(c).ToString()} {Html.Percent(q.Share(c))}</span> """));
        var flags = q.Flags.Select(f => Html.Of($"""<span class="flag" data-flag="{f.Code()}">{f.Name(page.Language)}</span> """));
        var discrimination = q.Discrimination is { } d ? d.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "—";
        return Html.Of($"""
            <tr data-question-id="{q.Question.Id}" data-pack="{q.PackId}"><td class="id">{q.Question.Id}<br><small>{q.PackId}</small></td><td class="topic">{topicCell}</td><td class="number answered">{q.Answered}</td><td class="number correct">{Html.Percent(q.CorrectRate)}</td><td class="shares">{shares}</td><td class="number discrimination">{discrimination}</td><td class="flags">{flags}</td></tr>
            """);
    }

    /// <summary>A column header whose link sorts by it: ascending first, then the other way on a second click.</summary>
    private static Markup Header(PageContext page, string key, string label, string? sort, bool descending)
    {
        var next = sort == key && !descending ? "desc" : "asc";
        var query = QueryString.Create(page.Request.Query
                .Where(p => p.Key is not ("sort" or "dir" or PageLanguage.Parameter))
                .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
                .Append(new("sort", key)).Append(new("dir", next)));
        var state = sort != key ? "none" : descending ? "descending" : "ascending";
        return Html.Of($"""<th data-sort="{key}" aria-sort="{state}"><a href="/questions{query.ToUriComponent()}">{label}</a></th>""");
    }

    private static Markup Filter(PageContext page, ContentCatalog catalog, string? packId, string? topicId, string? sort, bool descending)
    {
        var packs = catalog.Packs.Select(p => Option(p.Id, p.Title.Get(page.Language), string.Equals(p.Id, packId, StringComparison.OrdinalIgnoreCase)));
        var topicPacks = packId is null ? catalog.Packs : [catalog.Find(packId)!];
        var topics = topicPacks.SelectMany(p => p.Topics.Select(t => (Pack: p, Topic: t)))
            .DistinctBy(t => t.Topic.Id)
            .OrderBy(t => t.Topic.Title.Get(page.Language), StringComparer.CurrentCultureIgnoreCase)
            .Select(t => Option(t.Topic.Id, topicPacks.Count > 1 ? $"{t.Topic.Title.Get(page.Language)} ({t.Pack.Id})" : t.Topic.Title.Get(page.Language),
                string.Equals(t.Topic.Id, topicId, StringComparison.OrdinalIgnoreCase)));
        var keep = sort is null ? Markup.Empty : Html.Of($"""<input type="hidden" name="sort" value="{sort}"><input type="hidden" name="dir" value="{(descending ? "desc" : "asc")}">""");
        return Html.Of($"""
            <form id="filter" method="get" action="/questions">
            <label>{page.Say("Pack", "팩")} <select name="pack"><option value="">{page.Say("all packs", "모든 팩")}</option>{packs}</select></label>
            <label>{page.Say("Topic", "주제")} <select name="topic"><option value="">{page.Say("all topics", "모든 주제")}</option>{topics}</select></label>
            {keep}<button type="submit">{page.Say("Show", "보기")}</button>
            </form>
            """);
    }

    private static Markup Option(string value, string label, bool selected) =>
        Html.Of($"""<option value="{value}"{(selected ? Html.Of($" selected") : Markup.Empty)}>{label}</option>""");
}
