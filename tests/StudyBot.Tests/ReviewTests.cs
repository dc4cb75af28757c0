using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Testing;

namespace StudyBot.Tests;

/// <summary><c>/review</c> through the inbound port on real storage and a movable clock: a missed daily question comes back.</summary>
public sealed class ReviewTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly CoreOnRealStorage _bot = new(Packs.Small(perTopic: 1), Monday);

    public void Dispose() => _bot.Dispose();

    private static ButtonAction Parse(ChatButton button) => ButtonIds.TryParse(button.Id, out var action) ? action : throw new InvalidOperationException(button.Id);

    private async Task<(string QuestionId, ChatReply Card)> MissDailyThenReviewNextDayAsync()
    {
        var post = await _bot.PostTodayAsync();
        await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("ann"), ButtonIds.Daily(post.Id, 1), default);
        // The reveal: until then an open daily question holds its cards back.
        await _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("admin", admin: true), "/study close", default);
        _bot.Clock.Set(Monday.AddDays(1).AddHours(1));
        return (post.QuestionId, await _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("ann"), "/review", default));
    }

    [Fact]
    public async Task A_missed_daily_question_is_due_the_next_day_and_a_right_answer_moves_it_out_by_days()
    {
        var (questionId, card) = await MissDailyThenReviewNextDayAsync();

        Assert.True(card.Ephemeral);
        Assert.StartsWith("Review", card.Message.Title, StringComparison.Ordinal);
        Assert.Equal("1 due", card.Message.Footer);
        var shown = Assert.IsType<ButtonAction.ReviewAnswer>(Parse(card.Message.Buttons[0]));
        Assert.Equal((questionId, 1), (shown.QuestionId, shown.Reps));

        var answered = await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("ann"), card.Message.Buttons[0].Id, default);

        Assert.True(answered.ReplacesClicked);
        Assert.Contains("**Correct!**", answered.Message.Body, StringComparison.Ordinal);
        var stored = (await _bot.Get<IReviewStore>().CardsAsync(await _bot.Get<IUserStore>().GetOrAddAsync(CoreOnRealStorage.As("ann").User, default), default))
            .Single(c => c.QuestionId == questionId);
        Assert.True(stored.Memory.Due >= Monday.AddDays(3), $"due {stored.Memory.Due}");
        Assert.Equal(2, stored.Memory.Reps);
        Assert.Contains(answered.Message.Buttons, b => Parse(b) is ButtonAction.Regrade { Rating: Core.Review.Rating.Easy });

        var stats = await _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("ann"), "/stats", default);
        Assert.Contains(stats.Message.Fields, f => f.Name == "Review cards" && f.Value == "0 learning · 1 young · 0 mature");
        Assert.Contains(stats.Message.Fields, f => f.Name == "Retention (30 days)" && f.Value == "100% (1/1)");
        Assert.Contains(stats.Message.Fields, f => f.Name == "Due today" && f.Value == "0");
    }

    [Fact]
    public async Task Stale_clicks_and_other_members_regrades_change_nothing()
    {
        var (_, card) = await MissDailyThenReviewNextDayAsync();
        var answered = await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("ann"), card.Message.Buttons[0].Id, default);
        var easy = answered.Message.Buttons.First(b => Parse(b) is ButtonAction.Regrade { Rating: Core.Review.Rating.Easy });

        var again = await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("ann"), card.Message.Buttons[1].Id, default);
        var stranger = await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("bo"), easy.Id, default);

        Assert.Equal(("Already reviewed", false), (again.Message.Title, again.ReplacesClicked));
        Assert.Equal("Not your review", stranger.Message.Title);

        var owner = await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("ann"), easy.Id, default);
        Assert.True(owner.ReplacesClicked);
        Assert.StartsWith("**Marked easy.** Next review of this card:", owner.Message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_is_an_anki_file_its_importer_reads_by_its_headers()
    {
        var (questionId, _) = await MissDailyThenReviewNextDayAsync();

        var reply = await _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("ann"), "/export", default);

        Assert.True(reply.Ephemeral);
        var file = Assert.IsType<ChatFile>(reply.File);
        var lines = System.Text.Encoding.UTF8.GetString(file.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Anki's rules: leading "#key:value" lines are headers; then one note per line, fields split by the separator.
        var headers = lines.TakeWhile(l => l.StartsWith('#')).Select(l => l[1..].Split(':', 2)).ToDictionary(h => h[0], h => h[1]);
        Assert.Equal(("tab", "true", "Basic", "3"), (headers["separator"], headers["html"], headers["notetype"], headers["tags column"]));
        var columns = headers["columns"].Split('\t');
        Assert.Equal(["Front", "Back", "Tags"], columns);
        var note = Assert.Single(lines.SkipWhile(l => l.StartsWith('#'))).Split('\t');
        Assert.Equal(columns.Length, note.Length);
        var question = Packs.Small(perTopic: 1).FindQuestion(questionId)!;
        Assert.StartsWith(System.Net.WebUtility.HtmlEncode(question.Prompt.Get(Core.Content.Language.En)), note[0], StringComparison.Ordinal);
        Assert.Contains(question.AnswerLetters(), note[1], StringComparison.Ordinal);
        Assert.All(note[2].Split(' '), tag => Assert.Matches(@"^\S+$", tag));
        Assert.Contains("test", note[2].Split(' '));
    }

    [Fact]
    public async Task A_question_removed_from_the_packs_retires_its_card_at_start_and_an_edited_one_keeps_it()
    {
        var (questionId, _) = await MissDailyThenReviewNextDayAsync();
        var store = _bot.Get<IReviewStore>();
        var ann = await _bot.Get<IUserStore>().GetOrAddAsync(CoreOnRealStorage.As("ann").User, default);
        var pack = Packs.Small(perTopic: 1);
        var edited = pack.Questions.Select(q => q with { Prompt = new Core.Content.LocalizedText("Edited?", null) }).ToList();

        await new Core.Review.ReviewCardRetirement(store, new Core.Content.ContentCatalog([new Core.Content.ContentPack(pack.Id, pack.Title, pack.Language, pack.Topics, edited)])).StartAsync(default);
        Assert.Equal([questionId], (await store.CardsAsync(ann, default)).Select(c => c.QuestionId));

        await new Core.Review.ReviewCardRetirement(store, new Core.Content.ContentCatalog([new Core.Content.ContentPack(pack.Id, pack.Title, pack.Language, pack.Topics, edited.Where(q => q.Id != questionId))])).StartAsync(default);
        Assert.Empty(await store.CardsAsync(ann, default));
        var review = await _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("ann"), "/review", default);
        Assert.NotEqual("1 due", review.Message.Footer);
    }
}

public sealed class ReviewOptionsTests
{
    [Fact]
    public async Task A_desired_retention_out_of_range_stops_the_start_naming_the_setting()
    {
        using var dir = new TempDirectory();
        EndToEndPack.WriteTo(dir);
        using var host = StudyBotHost.CreateBuilder([
            $"--StudyBot:Content:Path={dir.File("content")}",
            $"--StudyBot:Storage:DatabasePath={dir.File("data/bot.db")}",
            "--StudyBot:Console:Enabled=false",
            "--StudyBot:Review:DesiredRetention=0.5",
        ]).Build();

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("StudyBot:Review:DesiredRetention must be between 0.70 and 0.99", error.Message, StringComparison.Ordinal);
    }
}
