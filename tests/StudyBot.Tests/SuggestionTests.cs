using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Core.Suggestions;
using StudyBot.Testing;

namespace StudyBot.Tests;

/// <summary>Member-written questions through the real core on a real SQLite file: the form, the queue, the pool, the export.</summary>
public sealed class SuggestionTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string> Typed = new()
    {
        [SuggestionDraft.PromptField] = "Which storage attaches to one EC2 instance as a disk? @everyone <!channel>",
        [SuggestionDraft.ChoicesField] = "Amazon S3\nAmazon EBS\nAmazon SQS",
        [SuggestionDraft.AnswerField] = "B",
        [SuggestionDraft.ExplanationField] = "EBS volumes are block devices.",
        [SuggestionDraft.TopicField] = "",
    };

    private readonly CoreOnRealStorage _bot = new(
        new ContentPack("one", LocalizedText.Of(Language.En, "One"), Language.En, [Packs.Topic("ebs", "Amazon EBS", "EBS")], [Packs.Question("ebs-1", "ebs")]), Monday);

    private static CommandContext Mina => CoreOnRealStorage.As("mina");
    private static CommandContext Admin(string name = "admin") => CoreOnRealStorage.As(name, admin: true);

    private async Task<ChatForm> OpenFormAsync()
    {
        var reply = await _bot.Inbox.HandleCommandAsync(Mina, "/suggest", default);
        Assert.True(reply.Ephemeral);
        Assert.Contains("one language is enough", reply.Form!.Intro, StringComparison.Ordinal);
        return reply.Form;
    }

    private async Task<string> PendingButtonAsync(SuggestionVerdict verdict)
    {
        var queue = await _bot.Inbox.HandleCommandAsync(Admin(), "study suggestions", default);
        return Assert.Single(queue.Message.Buttons, b => ButtonIds.TryParse(b.Id, out var a) && a is ButtonAction.ReviewSuggestion r && r.Verdict == verdict).Id;
    }

    private async Task<long> ChannelIdAsync() => (await _bot.Get<IChannelStore>().GetOrAddAsync(new ChannelAddress("test", "room"), default)).Id;

    [Fact]
    public async Task An_approved_suggestion_is_the_next_days_question_written_by_its_member_and_answers_count()
    {
        await _bot.PostTodayAsync();
        var form = await OpenFormAsync();
        var sent = await _bot.Inbox.HandleFormAsync(Mina, form.Id, Typed, default);
        Assert.False(sent.Refused);

        var approved = await _bot.Inbox.HandleButtonAsync(Admin(), await PendingButtonAsync(SuggestionVerdict.Approve), default);
        Assert.StartsWith("Approved #", approved.Message.Title, StringComparison.Ordinal);

        await _bot.Inbox.HandleCommandAsync(Admin(), "study close", default);
        _bot.Clock.Set(Monday.AddDays(1));
        await _bot.Inbox.HandleCommandAsync(Admin(), "study now", default);

        var post = (await _bot.Get<IPostStore>().FindOpenAsync(await ChannelIdAsync(), default))!;
        Assert.Equal(SuggestionPool.QuestionId(1), post.QuestionId);
        var message = _bot.Platform.Posts.Last().Message;
        Assert.StartsWith("Written by mina · ", message.Footer, StringComparison.Ordinal);
        Assert.Contains("@everyone <!channel>", message.Body, StringComparison.Ordinal);

        var answer = await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("jun"), message.Buttons[1].Id, default);
        Assert.Equal("Answer recorded", answer.Message.Title);
    }

    [Fact]
    public async Task A_rejected_suggestion_leaves_the_queue_and_never_joins_the_pool()
    {
        await _bot.Inbox.HandleFormAsync(Mina, (await OpenFormAsync()).Id, Typed, default);

        var rejected = await _bot.Inbox.HandleButtonAsync(Admin(), await PendingButtonAsync(SuggestionVerdict.Reject), default);

        Assert.StartsWith("Rejected #1", rejected.Message.Title, StringComparison.Ordinal);
        Assert.Equal("No suggestions waiting", (await _bot.Inbox.HandleCommandAsync(Admin(), "study suggestions", default)).Message.Title);
        Assert.Null(_bot.Get<SuggestionPool>().For(await ChannelIdAsync()));
        await _bot.PostTodayAsync();
        Assert.Equal("ebs-1", (await _bot.Get<IPostStore>().FindOpenAsync(await ChannelIdAsync(), default))!.QuestionId);
    }

    [Fact]
    public async Task A_non_admin_click_is_refused_and_a_second_approval_is_told_who_approved()
    {
        await _bot.Inbox.HandleFormAsync(Mina, (await OpenFormAsync()).Id, Typed, default);
        var approve = await PendingButtonAsync(SuggestionVerdict.Approve);

        var refused = await _bot.Inbox.HandleButtonAsync(Mina, approve, default);
        Assert.Equal(("Admins only", true), (refused.Message.Title, refused.Ephemeral));
        Assert.Single(await _bot.Get<ISuggestionStore>().ListAsync(await ChannelIdAsync(), SuggestionStatus.Pending, default));

        var both = await Task.WhenAll(
            Task.Run(() => _bot.Inbox.HandleButtonAsync(Admin("ana"), approve, default)),
            Task.Run(() => _bot.Inbox.HandleButtonAsync(Admin("bo"), approve, default)));

        var second = Assert.Single(both, r => r.Message.Title == "Already decided");
        Assert.Matches("^Already approved by (ana|bo)\\. Nothing changed\\.$", second.Message.Body);
        Assert.Single(await _bot.Get<ISuggestionStore>().ListAsync(await ChannelIdAsync(), SuggestionStatus.Approved, default));
        Assert.Single(_bot.Get<SuggestionPool>().For(await ChannelIdAsync())!.Questions);
    }

    [Fact]
    public async Task A_refused_form_stores_nothing_names_each_error_and_resends_with_what_was_typed()
    {
        var form = await OpenFormAsync();
        var bad = new Dictionary<string, string>(Typed)
        {
            [SuggestionDraft.ChoicesField] = string.Join('\n', Enumerable.Range(1, 7).Select(i => $"Choice {i}")),
            [SuggestionDraft.AnswerField] = "G",
        };

        var refused = await _bot.Inbox.HandleFormAsync(Mina, form.Id, bad, default);

        Assert.True(refused.Refused);
        Assert.Equal([SuggestionDraft.AnswerField, SuggestionDraft.ChoicesField], refused.FieldErrors.Keys.Order());
        Assert.Contains("7 choices", refused.Reply.Message.Body, StringComparison.Ordinal);
        Assert.Empty(await _bot.Get<ISuggestionStore>().ListAsync(await ChannelIdAsync(), SuggestionStatus.Pending, default));

        var resend = Assert.Single(refused.Reply.Message.Buttons);
        Assert.Equal("Edit and resend", resend.Label);
        var reopened = (await _bot.Inbox.HandleButtonAsync(Mina, resend.Id, default)).Form!;
        Assert.Equal(bad.Values.Select(v => v.Trim()), reopened.Fields.Select(f => f.Value));
        var stranger = await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("jun"), resend.Id, default);
        Assert.Null(stranger.Form);
    }

    [Fact]
    public async Task An_admin_edit_opens_the_form_pre_filled_and_saves_the_change_before_approval()
    {
        await _bot.Inbox.HandleFormAsync(Mina, (await OpenFormAsync()).Id, Typed, default);

        var form = (await _bot.Inbox.HandleButtonAsync(Admin(), await PendingButtonAsync(SuggestionVerdict.Edit), default)).Form!;
        Assert.Equal(Typed[SuggestionDraft.PromptField], form.Fields[0].Value);
        var edited = new Dictionary<string, string>(Typed) { [SuggestionDraft.PromptField] = "Which storage is a disk for one instance?" };
        Assert.False((await _bot.Inbox.HandleFormAsync(Mina, form.Id, edited, default)).Reply.Message.Title.StartsWith("Saved", StringComparison.Ordinal));
        Assert.False((await _bot.Inbox.HandleFormAsync(Admin(), form.Id, edited, default)).Refused);

        var stored = Assert.Single(await _bot.Get<ISuggestionStore>().ListAsync(await ChannelIdAsync(), SuggestionStatus.Pending, default));
        Assert.Equal("Which storage is a disk for one instance?", stored.Draft.Prompt);
    }

    [Fact]
    public async Task The_reviewers_channel_gets_the_card_and_a_decision_takes_its_buttons_away()
    {
        await _bot.Inbox.HandleCommandAsync(Admin(), "study reviewers <#mods>", default);
        await _bot.Inbox.HandleFormAsync(Mina, (await OpenFormAsync()).Id, Typed, default);

        var card = Assert.Single(_bot.Platform.Posts, p => p.ChannelId == "mods");
        Assert.Equal(3, card.Message.Buttons.Count);
        await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("admin", channel: "mods", admin: true), card.Message.Buttons[0].Id, default);

        var edit = Assert.Single(_bot.Platform.Edits, e => e.MessageId == card.MessageId);
        Assert.Empty(edit.Message.Buttons);
        Assert.Equal("Approved by admin: it joins the daily questions.", edit.Message.Footer);
    }

    public void Dispose() => _bot.Dispose();
}
