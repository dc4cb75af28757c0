using StudyBot.Core.Chat;
using StudyBot.Core.Review;
using StudyBot.Core.Storage;
using StudyBot.Testing;

namespace StudyBot.Tests;

/// <summary>
/// A daily click updates the member's card at once; until the reveal nothing a member can ask for
/// (<c>/stats</c>, <c>/review</c>, <c>/export</c>) may tell a right click from a wrong one, or show the answer.
/// </summary>
public sealed class UnrevealedAnswerTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    // Seeded: /quiz picks at random, and the test that it never picks the open question must not pass by luck.
    private readonly CoreOnRealStorage _bot = new(Packs.Small(perTopic: 1), Monday, new Random(13));

    public void Dispose() => _bot.Dispose();

    /// <summary>Both members saw the question a week ago and recalled it, so today's answer counts toward retention too.</summary>
    private async Task<Post> PostQuestionBothHaveSeenAsync()
    {
        var post = await _bot.PostTodayAsync();
        var question = Packs.Small(perTopic: 1).FindQuestion(post.QuestionId)!;
        var reviews = _bot.Get<CardReviews>();
        foreach (var member in new[] { "ann", "bo" })
        {
            var seen = reviews.For("test", question, isCorrect: true, ReviewSource.Quiz, Monday.AddDays(-7));
            var result = await _bot.Get<IReviewStore>().ReviewAsync(CoreOnRealStorage.As(member).User, seen, 0, default);
            Assert.Equal(ReviewOutcome.Recorded, result.Outcome);
        }
        return post;
    }

    private async Task<string> SeenByAsync(string member, string command)
    {
        var reply = await _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As(member), command, default);
        var fields = string.Join("\n", reply.Message.Fields.Where(f => f.Name is not ("Answered" or "Accuracy" or "Points")).Select(f => $"{f.Name}: {f.Value}"));
        return $"{reply.Message.Title.Replace(member, "<member>", StringComparison.Ordinal)}\n{reply.Message.Body}\n{fields}\n{reply.Message.Footer}\n"
            + string.Join(" ", reply.Message.Buttons.Select(b => b.Id)) + (reply.File is null ? "" : "\n" + System.Text.Encoding.UTF8.GetString(reply.File.Content));
    }

    [Fact]
    public async Task Before_the_reveal_a_right_and_a_wrong_click_look_the_same_in_stats_review_and_export()
    {
        var post = await PostQuestionBothHaveSeenAsync();
        var question = Packs.Small(perTopic: 1).FindQuestion(post.QuestionId)!;
        var right = question.CorrectChoices.Single();
        await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("ann"), ButtonIds.Daily(post.Id, right), default);
        await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("bo"), ButtonIds.Daily(post.Id, (right + 1) % 3), default);
        _bot.Clock.Set(Monday.AddHours(2));

        string[] asked = ["/stats", "/export", "/export all"];
        foreach (var command in asked)
            Assert.Equal(await SeenByAsync("bo", command), await SeenByAsync("ann", command));
        // /review offers each a new card picked at random; how many are due must not differ, and the open question is not one of them.
        var annReview = await _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("ann"), "/review", default);
        var boReview = await _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("bo"), "/review", default);
        Assert.Equal(("New card · 0 due", "New card · 0 due"), (annReview.Message.Footer, boReview.Message.Footer));
        Assert.All(annReview.Message.Buttons.Concat(boReview.Message.Buttons),
            b => Assert.True(ButtonIds.TryParse(b.Id, out var a) && a is ButtonAction.ReviewAnswer r && r.QuestionId != post.QuestionId, b.Id));

        // After the reveal the same questions tell them apart: the check above could fail.
        await _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("admin", admin: true), "/study close", default);
        Assert.NotEqual(await SeenByAsync("bo", "/stats"), await SeenByAsync("ann", "/stats"));
        var stats = await _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("bo"), "/stats", default);
        Assert.Contains(stats.Message.Fields, f => f.Name == "Retention (30 days)" && f.Value == "0% (0/1)");
    }

    [Fact]
    public async Task A_review_button_of_todays_open_question_records_nothing()
    {
        var post = await PostQuestionBothHaveSeenAsync();
        var store = _bot.Get<IReviewStore>();
        var ann = await _bot.Get<IUserStore>().GetOrAddAsync(CoreOnRealStorage.As("ann").User, default);
        var before = Assert.Single(await store.CardsAsync(ann, default));

        var reply = await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("ann"), ButtonIds.Review(1, post.QuestionId, 0), default);

        Assert.Equal(("Today's question", true), (reply.Message.Title, reply.Ephemeral));
        Assert.Equal(before, Assert.Single(await store.CardsAsync(ann, default)));
    }

    [Fact]
    public async Task Quiz_never_asks_the_open_daily_question_nor_records_a_practice_answer_to_it()
    {
        var post = await PostQuestionBothHaveSeenAsync();
        var asked = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var quiz = await _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("ann"), "/quiz", default);
            asked.AddRange(quiz.Message.Buttons.Select(b => ButtonIds.TryParse(b.Id, out var a) && a is ButtonAction.PracticeAnswer p ? p.QuestionId : b.Id));
        }
        Assert.Equal(2, asked.Distinct().Count());
        Assert.DoesNotContain(post.QuestionId, asked);

        var ann = await _bot.Get<IUserStore>().GetOrAddAsync(CoreOnRealStorage.As("ann").User, default);
        var before = await _bot.Get<IReviewStore>().CardsAsync(ann, default);
        var reply = await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("ann"), ButtonIds.Practice(post.QuestionId, 0), default);

        Assert.Equal(("Today's question", true), (reply.Message.Title, reply.Ephemeral));
        Assert.Equal(before, await _bot.Get<IReviewStore>().CardsAsync(ann, default));
    }
}
