using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Review;
using StudyBot.Core.Storage;
using StudyBot.Testing;

namespace StudyBot.Tests;

/// <summary>Issue 13's bad input through the inbound port on real storage: each a private reply, in the member's language, that changes nothing.</summary>
public sealed class BadReviewInputTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly CoreOnRealStorage _bot = new(Packs.Small(perTopic: 1), Monday);

    public void Dispose() => _bot.Dispose();

    private static CommandContext Ann(Language language = Language.En) => CoreOnRealStorage.As("ann", language: language);

    private async Task<IReadOnlyList<StoredCard>> CardsOfAsync(string member) =>
        await _bot.Get<IReviewStore>().CardsAsync(await _bot.Get<IUserStore>().GetOrAddAsync(CoreOnRealStorage.As(member).User, default), default);

    private async Task<ReviewReminder?> ReminderOfAnnAsync() =>
        await _bot.Get<IReviewReminderStore>().FindAsync(await _bot.Get<IUserStore>().GetOrAddAsync(Ann().User, default), default);

    /// <summary>Ann misses the daily question, it is revealed, and the next day she gets it right in /review: the reply with the re-grade buttons.</summary>
    private async Task<(ChatReply Card, ChatReply Answered)> RightReviewNextDayAsync()
    {
        var post = await _bot.PostTodayAsync();
        await _bot.Inbox.HandleButtonAsync(Ann(), ButtonIds.Daily(post.Id, 1), default);
        await _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("admin", admin: true), "/study close", default);
        _bot.Clock.Set(Monday.AddDays(1).AddHours(1));
        var card = await _bot.Inbox.HandleCommandAsync(Ann(), "/review", default);
        var answered = await _bot.Inbox.HandleButtonAsync(Ann(), card.Message.Buttons[0].Id, default);
        Assert.Contains("Correct!", answered.Message.Body, StringComparison.Ordinal);
        return (card, answered);
    }

    private static string RegradeButton(ChatReply answered, Rating rating) =>
        answered.Message.Buttons.First(b => ButtonIds.TryParse(b.Id, out var action) && action is ButtonAction.Regrade r && r.Rating == rating).Id;

    [Theory]
    [InlineData(Language.En, "Not your review")]
    [InlineData(Language.Ko, "내 복습이 아니에요")]
    public async Task Another_members_regrade_click_is_refused_privately(Language language, string title)
    {
        var (_, answered) = await RightReviewNextDayAsync();
        var before = await CardsOfAsync("ann");

        var reply = await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("bo", language: language), RegradeButton(answered, Rating.Easy), default);

        Assert.Equal((title, true), (reply.Message.Title, reply.Ephemeral));
        Assert.Equal(before, await CardsOfAsync("ann"));
        Assert.Empty(await CardsOfAsync("bo"));
    }

    [Theory]
    [InlineData(Language.En, "Too late to re-grade", "Already reviewed")]
    [InlineData(Language.Ko, "다시 평가할 수 없어요", "이미 복습한 카드")]
    public async Task The_buttons_of_a_review_that_is_no_longer_the_cards_latest_change_nothing(Language language, string regradeTitle, string answerTitle)
    {
        var (card, answered) = await RightReviewNextDayAsync();
        // The card is reviewed again since (a practice answer), so that message has expired.
        var question = Packs.Small(perTopic: 1).FindQuestion(Assert.Single(await CardsOfAsync("ann")).QuestionId)!;
        var later = _bot.Get<CardReviews>().For("test", question, isCorrect: true, ReviewSource.Quiz, _bot.Clock.GetUtcNow());
        Assert.Equal(ReviewOutcome.Recorded, (await _bot.Get<IReviewStore>().ReviewAsync(Ann().User, later, 2, default)).Outcome);
        var before = await CardsOfAsync("ann");

        var regrade = await _bot.Inbox.HandleButtonAsync(Ann(language), RegradeButton(answered, Rating.Hard), default);
        var answer = await _bot.Inbox.HandleButtonAsync(Ann(language), card.Message.Buttons[1].Id, default);

        Assert.Equal((regradeTitle, true), (regrade.Message.Title, regrade.Ephemeral));
        Assert.Equal((answerTitle, true, false), (answer.Message.Title, answer.Ephemeral, answer.ReplacesClicked));
        Assert.Equal(before, await CardsOfAsync("ann"));
    }

    [Theory]
    [InlineData(Language.En, "Question removed")]
    [InlineData(Language.Ko, "삭제된 문제")]
    public async Task A_card_for_a_question_in_no_pack_records_nothing(Language language, string title)
    {
        var reply = await _bot.Inbox.HandleButtonAsync(Ann(language), ButtonIds.Review(0, "gone-question", 0), default);

        Assert.Equal((title, true), (reply.Message.Title, reply.Ephemeral));
        Assert.Empty(await CardsOfAsync("ann"));
    }

    [Theory]
    [InlineData(Language.En, "08:00 Mars/Olympus", "\"Mars/Olympus\" is not a time zone")]
    [InlineData(Language.Ko, "08:00 Mars/Olympus", "\"Mars/Olympus\"은(는) 없는 시간대예요")]
    [InlineData(Language.En, "25:99 Asia/Seoul", "\"25:99\" is not a time")]
    [InlineData(Language.Ko, "25:99 Asia/Seoul", "\"25:99\"은(는) 올바른 시각이 아니에요")]
    public async Task A_reminder_with_an_unknown_zone_or_a_malformed_time_keeps_the_one_set_before(Language language, string words, string title)
    {
        await _bot.Inbox.HandleCommandAsync(Ann(), "/review remind 07:30 Asia/Seoul", default);
        var before = await ReminderOfAnnAsync();
        Assert.NotNull(before);

        var reply = await _bot.Inbox.HandleCommandAsync(Ann(language), "/review remind " + words, default);

        Assert.Equal((title, true), (reply.Message.Title, reply.Ephemeral));
        Assert.Equal(before, await ReminderOfAnnAsync());
    }

    [Theory]
    [InlineData(Language.En, "/export", "Nothing to export")]
    [InlineData(Language.Ko, "/export all", "내보낼 카드 없음")]
    public async Task An_export_with_nothing_to_export_sends_no_file(Language language, string command, string title)
    {
        var reply = await _bot.Inbox.HandleCommandAsync(Ann(language), command, default);

        Assert.Equal((title, true), (reply.Message.Title, reply.Ephemeral));
        Assert.Null(reply.File);
    }
}
