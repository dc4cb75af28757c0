namespace StudyBot.Web.Tests;

public sealed class QuestionsPageTests(SeededBot seeded) : IClassFixture<SeededBot>
{
    [Fact]
    public async Task Each_question_shows_answered_correct_choice_shares_discrimination_and_flags()
    {
        var page = await seeded.PageAsync("/questions");

        Assert.Equal(["e2e-ebs-az", "q-easy", "q-good", "q-bad"], page.QuerySelectorAll("table#questions tbody tr").Select(r => r.GetAttribute("data-question-id")));
        var good = page.QuerySelector("tr[data-question-id=\"q-good\"]")!;
        Assert.Equal("60", good.QuerySelector(".answered")!.TextContent);
        Assert.Equal("50%", good.QuerySelector(".correct")!.TextContent);
        Assert.Equal(["A 50%", "B 50%", "C 0%"], good.QuerySelectorAll(".share").Select(s => s.TextContent));
        Assert.Equal("+1.00", good.QuerySelector(".discrimination")!.TextContent);
        var bad = page.QuerySelector("tr[data-question-id=\"q-bad\"]")!;
        Assert.Equal("-1.00", bad.QuerySelector(".discrimination")!.TextContent);
        Assert.Equal(["suspect-key", "dead-distractor"], bad.QuerySelectorAll(".flag").Select(f => f.GetAttribute("data-flag")));
        var easy = page.QuerySelector("tr[data-question-id=\"q-easy\"]")!;
        Assert.Equal(["too-easy", "dead-distractor"], easy.QuerySelectorAll(".flag").Select(f => f.GetAttribute("data-flag")));
        Assert.Equal(["too easy", "dead distractor"], easy.QuerySelectorAll(".flag").Select(f => f.TextContent));
        // One answer, no groups: no index and no flag.
        var e2e = page.QuerySelector("tr[data-question-id=\"e2e-ebs-az\"]")!;
        Assert.Equal("—", e2e.QuerySelector(".discrimination")!.TextContent);
        Assert.Empty(e2e.QuerySelectorAll(".flag"));
    }

    [Fact]
    public async Task Sorting_by_discrimination_keeps_questions_without_an_index_last_and_the_header_link_toggles()
    {
        var ascending = await seeded.PageAsync("/questions?sort=discrimination&dir=asc");
        var descending = await seeded.PageAsync("/questions?sort=discrimination&dir=desc");

        Assert.Equal(["q-bad", "q-easy", "q-good", "e2e-ebs-az"], Ids(ascending));
        Assert.Equal(["q-good", "q-easy", "q-bad", "e2e-ebs-az"], Ids(descending));
        var header = ascending.QuerySelector("th[data-sort=\"discrimination\"]")!;
        Assert.Equal("ascending", header.GetAttribute("aria-sort"));
        Assert.Equal("/questions?sort=discrimination&dir=desc", header.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("/questions?sort=answered&dir=asc", ascending.QuerySelector("th[data-sort=\"answered\"] a")!.GetAttribute("href"));
        Assert.Equal(["id", "topic", "answered", "correct", "discrimination"], ascending.QuerySelectorAll("th[data-sort]").Select(h => h.GetAttribute("data-sort")));
    }

    [Fact]
    public async Task Sorting_by_answered_descending_puts_the_most_answered_first()
    {
        var page = await seeded.PageAsync("/questions?sort=answered&dir=desc");
        Assert.Equal(["q-good", "q-easy", "q-bad", "e2e-ebs-az"], Ids(page));
    }

    [Fact]
    public async Task The_filter_narrows_to_a_pack_and_a_topic_and_keeps_them_in_the_sort_links()
    {
        var iam = await seeded.PageAsync("/questions?pack=pages&topic=iam");
        var e2e = await seeded.PageAsync("/questions?pack=e2e");

        Assert.Equal(["q-bad"], Ids(iam));
        Assert.Equal(["e2e-ebs-az"], Ids(e2e));
        var form = iam.QuerySelector("form#filter")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("pages", form.QuerySelector("select[name=\"pack\"] option[selected]")!.GetAttribute("value"));
        Assert.Equal("iam", form.QuerySelector("select[name=\"topic\"] option[selected]")!.GetAttribute("value"));
        Assert.Equal(["", "iam", "s3"], form.QuerySelectorAll("select[name=\"topic\"] option").Select(o => o.GetAttribute("value")).Order(StringComparer.Ordinal));
        Assert.Equal("/questions?pack=pages&topic=iam&sort=id&dir=asc", iam.QuerySelector("th[data-sort=\"id\"] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_page_says_when_its_answers_were_read()
    {
        var page = await seeded.PageAsync("/questions?pack=pages");

        var asOf = page.QuerySelector("#as-of")!;
        var readAt = DateTimeOffset.Parse(asOf.GetAttribute("data-as-of")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(readAt, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow);
        Assert.Equal("false", asOf.GetAttribute("data-refreshing"));
        Assert.Equal($"Figures as of {readAt.UtcDateTime:HH:mm} UTC.", asOf.TextContent);
    }

    [Fact]
    public async Task An_unknown_pack_is_a_404_page()
    {
        var page = await seeded.PageAsync("/questions?pack=nope", 404);
        Assert.Contains("nope", page.QuerySelector("#not-found")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flags_and_headers_are_korean_with_lang_ko()
    {
        var page = await seeded.PageAsync("/questions?lang=ko");
        Assert.Equal(["너무 쉬움", "아무도 안 고른 오답"], page.QuerySelectorAll("tr[data-question-id=\"q-easy\"] .flag").Select(f => f.TextContent));
        Assert.Equal("변별도", page.QuerySelector("th[data-sort=\"discrimination\"]")!.TextContent);
    }

    private static List<string?> Ids(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("table#questions tbody tr").Select(r => r.GetAttribute("data-question-id")).ToList();
}
