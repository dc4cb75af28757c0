using Microsoft.Playwright;

namespace StudyBot.Web.BrowserTests;

[Collection(WebCollection.Name)]
public sealed class QuestionsPageTests(SeededBot bot, Chromium chromium)
{
    /// <summary>The seeded questions from most to fewest correct answers (all were answered by every member).</summary>
    private static readonly string[] ByCorrect = SeedPack.Questions.OrderByDescending(q => q.Correct).Select(q => q.Id).ToArray();

    private async Task<IPage> OpenAsync(string query = $"?pack={SeedPack.PackId}")
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(bot.BaseAddress, "/questions" + query).ToString());
        return page;
    }

    private static async Task<List<string>> RowIdsAsync(IPage page)
    {
        var ids = new List<string>();
        foreach (var row in await page.Locator("table#questions tr[data-question-id]").AllAsync())
            ids.Add(await row.GetAttributeAsync("data-question-id") ?? "");
        return ids;
    }

    [Fact]
    public async Task Clicking_the_correct_header_sorts_the_rows_by_correct_answers_and_clicking_again_reverses_them()
    {
        var page = await OpenAsync();

        await page.Locator("table#questions th[data-sort='correct'] a").ClickAsync();
        await page.WaitForURLAsync("**sort=correct**");
        var first = await RowIdsAsync(page);
        await page.Locator("table#questions th[data-sort='correct'] a").ClickAsync();
        await page.WaitForFunctionAsync("order => [...document.querySelectorAll('tr[data-question-id]')].map(r => r.dataset.questionId).join() !== order",
            string.Join(',', first));
        var second = await RowIdsAsync(page);

        Assert.Contains(first, new[] { ByCorrect.ToList(), ByCorrect.Reverse().ToList() });
        Assert.Equal(Enumerable.Reverse(first), second);
    }

    [Fact]
    public async Task Choosing_a_topic_and_submitting_the_filter_shows_only_that_topics_questions()
    {
        var page = await OpenAsync();
        Assert.Equal(SeedPack.Questions.Count, (await RowIdsAsync(page)).Count);

        await page.Locator("form#filter select[name='topic']").SelectOptionAsync(new SelectOptionValue { Value = "s3" });
        await page.Locator("form#filter [type='submit']").ClickAsync();
        await page.WaitForURLAsync("**topic=s3**");

        Assert.Equal(["web-s3-class", "web-s3-policy"], (await RowIdsAsync(page)).Order(StringComparer.Ordinal));
        await Screenshots.TakeAsync(page, "questions-s3");
    }

    [Fact]
    public async Task Flagged_questions_show_their_flags()
    {
        var page = await OpenAsync();

        Assert.Equal(["too-easy", "dead-distractor"], await FlagsAsync(page, "web-ebs-az"));
        Assert.Equal(["too-hard", "dead-distractor"], await FlagsAsync(page, "web-s3-class"));
        Assert.Equal(["dead-distractor"], await FlagsAsync(page, "web-vpc-nat"));
        await Screenshots.TakeAsync(page, "questions");
    }

    /// <summary>The row's flags, too easy / too hard first as the tests list them.</summary>
    private static async Task<List<string>> FlagsAsync(IPage page, string questionId)
    {
        var flags = new List<string>();
        foreach (var flag in await page.Locator($"tr[data-question-id='{questionId}'] span.flag").AllAsync())
            flags.Add(await flag.GetAttributeAsync("data-flag") ?? "");
        return flags.OrderBy(f => f == "dead-distractor" ? 1 : 0).ToList();
    }
}
