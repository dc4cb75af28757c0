using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Testing;

namespace StudyBot.Tests;

/// <summary>Clicks on answer buttons through the inbound port, as every adapter makes them.</summary>
public sealed class AnsweringTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly CoreOnRealStorage _bot = new(Packs.Small(perTopic: 1), Monday);

    public void Dispose() => _bot.Dispose();

    private async Task<int> AnswersAsync(Post post) => (await _bot.Get<IPostStore>().ResultsAsync(post.Id, default)).Answered;

    [Fact]
    public async Task A_click_records_the_answer_and_replies_privately_without_revealing_it()
    {
        var post = await _bot.PostTodayAsync();
        var reply = await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("ann"), ButtonIds.Daily(post.Id, 1), default);

        Assert.True(reply.Ephemeral);
        Assert.Equal("Answer recorded", reply.Message.Title);
        Assert.DoesNotContain("correct", reply.Message.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await AnswersAsync(post));
    }

    [Fact]
    public async Task A_second_click_is_refused_and_nothing_is_counted_twice()
    {
        var post = await _bot.PostTodayAsync();
        await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("ann"), ButtonIds.Daily(post.Id, 0), default);
        var again = await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("ann"), ButtonIds.Daily(post.Id, 1), default);

        Assert.Equal("Already answered", again.Message.Title);
        Assert.Equal(1, await AnswersAsync(post));
    }

    [Fact]
    public async Task A_click_from_another_channel_is_refused()
    {
        var post = await _bot.PostTodayAsync("room");
        var reply = await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("ann", channel: "elsewhere"), ButtonIds.Daily(post.Id, 0), default);

        Assert.Equal("Wrong channel", reply.Message.Title);
        Assert.Equal(0, await AnswersAsync(post));
    }

    [Theory]
    [InlineData("sb:a:999:0:-1", "Unknown question")]
    [InlineData("sb:a:1:4:-1", "Unknown choice")]
    [InlineData("sb:a:1:0:2", "Unknown choice")]
    [InlineData("totally-forged", "Unknown choice")]
    [InlineData("sb:p:no-such-question:0:-1", "Unknown question")]
    public async Task Forged_or_unknown_buttons_get_a_clear_reply_and_record_nothing(string buttonId, string title)
    {
        var post = await _bot.PostTodayAsync();
        Assert.Equal(1, post.Id);
        var reply = await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("mallory"), buttonId, default);

        Assert.True(reply.Ephemeral);
        Assert.Equal(title, reply.Message.Title);
        Assert.Equal(0, await AnswersAsync(post));
    }

    [Fact]
    public async Task A_click_after_close_is_refused()
    {
        var post = await _bot.PostTodayAsync();
        await _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("admin", admin: true), "study close", default);
        var reply = await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("ann"), ButtonIds.Daily(post.Id, 0), default);

        Assert.Equal("Question closed", reply.Message.Title);
        Assert.Equal(0, await AnswersAsync(post));
        Assert.Single(_bot.Platform.Edits);
    }

    [Fact]
    public async Task Closing_twice_reveals_once()
    {
        await _bot.PostTodayAsync();
        var admin = CoreOnRealStorage.As("admin", admin: true);
        Assert.Equal("Closed", (await _bot.Inbox.HandleCommandAsync(admin, "study close", default)).Message.Title);
        Assert.Equal("Nothing open", (await _bot.Inbox.HandleCommandAsync(admin, "study close", default)).Message.Title);
        Assert.Single(_bot.Platform.Edits);
    }

    [Fact]
    public async Task Choose_two_records_only_after_the_second_pick()
    {
        using var bot = new CoreOnRealStorage(new ContentPack("two", LocalizedText.Both("Two", "둘"), Language.En,
            [Packs.Topic("ebs", "EBS", "EBS")], [Packs.Question("pick-two", "ebs", correct: 0, choices: 4, kind: QuestionKind.ChooseTwo, alsoCorrect: 2)]), Monday);
        var post = await bot.PostTodayAsync();

        var first = await bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("ann"), ButtonIds.Daily(post.Id, 2), default);
        Assert.StartsWith("You picked C", first.Message.Title, StringComparison.Ordinal);
        Assert.Equal(3, first.Message.Buttons.Count);
        Assert.Equal(0, (await bot.Get<IPostStore>().ResultsAsync(post.Id, default)).Answered);

        var second = await bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("ann"), first.Message.Buttons.Single(b => b.Label.StartsWith('A')).Id, default);
        Assert.Equal("Answer recorded", second.Message.Title);
        Assert.Contains("A, C", second.Message.Body, StringComparison.Ordinal);
        var results = await bot.Get<IPostStore>().ResultsAsync(post.Id, default);
        Assert.Equal((1, 1), (results.Answered, results.Correct));
    }

    [Fact]
    public async Task Non_admins_cannot_run_study_commands()
    {
        var reply = await _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("ann"), "study setup 09:00 UTC", default);
        Assert.Equal("Admins only", reply.Message.Title);
        Assert.Empty(await _bot.Get<IChannelStore>().ListEnabledAsync(default));
    }

    [Fact]
    public async Task Korean_users_get_korean_replies()
    {
        var post = await _bot.PostTodayAsync();
        var reply = await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("민수", language: Language.Ko), ButtonIds.Daily(post.Id, 0), default);
        Assert.Equal("답안 제출 완료", reply.Message.Title);
    }

    [Fact]
    public async Task Streaks_add_bonus_points_on_consecutive_days()
    {
        var admin = CoreOnRealStorage.As("admin", admin: true);
        for (var day = 0; day < 3; day++)
        {
            _bot.Clock.Set(Monday.AddDays(day));
            var post = day == 0 ? await _bot.PostTodayAsync() : await PostNextAsync(admin);
            await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("ann"), ButtonIds.Daily(post.Id, 0), default);
            await _bot.Inbox.HandleCommandAsync(admin, "study close", default);
        }

        var board = await _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("ann"), "leaderboard all", default);
        Assert.Contains("ann** — 36 pts (3/3)", board.Message.Body, StringComparison.Ordinal); // 10 + 12 + 14
        var stats = await _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("ann"), "stats", default);
        Assert.Contains(stats.Message.Fields, f => f.Name == "Best streak" && f.Value == "3");
    }

    private async Task<Post> PostNextAsync(CommandContext admin)
    {
        await _bot.Inbox.HandleCommandAsync(admin, "study now", default);
        var channel = await _bot.Get<IChannelStore>().GetOrAddAsync(admin.Channel, default);
        return (await _bot.Get<IPostStore>().FindOpenAsync(channel.Id, default))!;
    }
}
