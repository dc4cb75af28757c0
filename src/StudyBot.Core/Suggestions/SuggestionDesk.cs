using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Core.Text;

namespace StudyBot.Core.Suggestions;

/// <summary>
/// Member-written questions from form to pool: a checked form joins the channel's review queue (and is
/// posted to its reviewers channel when one is set); an admin approves, edits or rejects it; an approved
/// one joins the channel's daily questions. Every reply is private.
/// </summary>
public sealed class SuggestionDesk(
    ISuggestionStore store,
    IChannelStore channels,
    ContentCatalog catalog,
    SuggestionPool pool,
    SuggestionDrafts drafts,
    ChatPlatforms platforms,
    TimeProvider clock,
    ILogger<SuggestionDesk> logger)
{
    // The check runs before there is an id; the stored suggestion gets its real question id in the pool.
    private const string UncheckedId = "suggested-new";

    public static ChatReply OpenForm(ChatForm form) =>
        new(ChatMessage.Text(form.Title, form.Intro), true, Form: form);

    public async Task<FormReply> SubmitAsync(CommandContext context, FormPurpose purpose, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var draft = SuggestionDraft.From(values);
        long? editOf = purpose is FormPurpose.EditSuggestion edit ? edit.SuggestionId : null;
        Suggestion? edited = null;
        if (editOf is { } id)
        {
            if (!context.IsAdmin) return FormReply.Accepted(AdminsOnly(language));
            edited = await store.FindAsync(id, cancellationToken);
            if (edited is null) return FormReply.Accepted(Unknown(language));
            if (edited.Status != SuggestionStatus.Pending) return FormReply.Accepted(Decided(edited, language));
        }
        var channel = edited is null ? await channels.GetOrAddAsync(context.Channel, cancellationToken) : await channels.FindAsync(edited.ChannelId, cancellationToken);
        var pack = catalog.ForChannel(channel?.PackId);
        var check = SuggestionCheck.Check(draft, pack, UncheckedId);
        if (!check.IsValid)
        {
            var token = drafts.Hold(context.Channel, context.User.UserId, draft, editOf);
            return new FormReply(new ChatReply(SuggestionCards.Refused(check.Errors, token, language), true),
                check.Errors.ToDictionary(e => e.Key, e => e.Value.In(language), StringComparer.Ordinal));
        }

        if (edited is not null)
        {
            if (!await store.EditPendingAsync(edited.Id, draft, cancellationToken))
                return FormReply.Accepted(Decided((await store.FindAsync(edited.Id, cancellationToken))!, language));
            var saved = (await store.FindAsync(edited.Id, cancellationToken))!;
            await UpdateReviewMessageAsync(saved, cancellationToken);
            var card = SuggestionCards.Review(saved, language);
            return FormReply.Accepted(new ChatReply(card with { Title = Say.In(language, $"Saved #{saved.Id}", $"#{saved.Id} 저장했어요") + " · " + card.Title }, true));
        }

        var suggestionId = await store.AddAsync(new NewSuggestion(channel!.Id, context.User, draft, clock.GetUtcNow()), cancellationToken);
        var posted = await PostForReviewAsync(channel, suggestionId, cancellationToken);
        return FormReply.Accepted(ChatReply.Private(Say.In(language, "Thanks, your question is in the queue", "고마워요, 검토 대기열에 올렸어요"),
            Say.In(language,
                $"Suggestion #{suggestionId} waits for an admin{(posted ? " in the reviewers channel" : $" ({context.Command("study suggestions")})")}. Once approved it joins this channel's daily questions, marked as written by you.",
                $"제안 #{suggestionId}이(가) 관리자 검토를 기다려요{(posted ? " (검토 채널)" : $" ({context.Command("study suggestions")})")}. 승인되면 작성자 이름과 함께 이 채널의 오늘의 문제에 들어가요.")));
    }

    /// <summary>"Edit and resend": the refused form again, with what was typed.</summary>
    public ChatReply Resend(CommandContext context, ButtonAction.ResendSuggestion click)
    {
        var language = context.Language;
        if (drafts.Find(click.DraftToken, context.User.UserId) is not { } held)
            return ChatReply.Private(Say.In(language, "Form expired", "양식이 만료됐어요"),
                Say.In(language, $"That draft is no longer kept; please start again with {context.Command("suggest")}.", $"그 내용은 더 이상 남아 있지 않아요. {context.Command("suggest")}로 다시 써 주세요."));
        var formId = held.EditOf is { } id ? FormIds.EditSuggestion(id) : FormIds.NewSuggestion;
        return OpenForm(SuggestionForm.Build(formId, language, held.Draft, editing: held.EditOf is not null));
    }

    public async Task<ChatReply> ReviewAsync(CommandContext context, ButtonAction.ReviewSuggestion click, CancellationToken cancellationToken)
    {
        var language = context.Language;
        if (!context.IsAdmin) return AdminsOnly(language);
        if (await store.FindAsync(click.SuggestionId, cancellationToken) is not { } suggestion) return Unknown(language);
        if (await channels.FindAsync(suggestion.ChannelId, cancellationToken) is not { } channel || channel.Address.Platform != context.Channel.Platform)
            return Unknown(language);
        if (suggestion.Status != SuggestionStatus.Pending) return Decided(suggestion, language);

        if (click.Verdict == SuggestionVerdict.Edit)
            return OpenForm(SuggestionForm.Build(FormIds.EditSuggestion(suggestion.Id), language, suggestion.Draft, editing: true));

        var status = click.Verdict == SuggestionVerdict.Approve ? SuggestionStatus.Approved : SuggestionStatus.Rejected;
        var decision = await store.DecideAsync(suggestion.Id, status, context.User, clock.GetUtcNow(), cancellationToken);
        if (!decision.Decided) return Decided(decision.Current!, language);
        if (status == SuggestionStatus.Approved) await pool.RefreshAsync(suggestion.ChannelId, cancellationToken);
        await UpdateReviewMessageAsync(decision.Current!, cancellationToken);
        logger.LogInformation("Suggestion {Suggestion} of channel {Channel} was {Decision}.", suggestion.Id, channel.Address, status);

        var done = status == SuggestionStatus.Approved
            ? Say.In(language, $"Approved #{suggestion.Id}: it joins the daily questions.", $"#{suggestion.Id} 승인: 오늘의 문제에 들어가요.")
            : Say.In(language, $"Rejected #{suggestion.Id}: it will not be posted.", $"#{suggestion.Id} 거절: 올리지 않아요.");
        // The private list walks on to the next one in the same message.
        return await NextPendingAsync(channel.Id, language, done, cancellationToken) with { ReplacesClicked = true };
    }

    /// <summary><c>/study suggestions</c>: the oldest waiting suggestion with its buttons, privately.</summary>
    public async Task<ChatReply> ListPendingAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var channel = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        return await NextPendingAsync(channel.Id, context.Language, null, cancellationToken);
    }

    private async Task<ChatReply> NextPendingAsync(long channelId, Language language, string? done, CancellationToken cancellationToken)
    {
        var pending = await store.ListAsync(channelId, SuggestionStatus.Pending, cancellationToken);
        if (pending.Count == 0)
            return ChatReply.Private(done ?? Say.In(language, "No suggestions waiting", "기다리는 제안이 없어요"),
                Say.In(language, "The review queue of this channel is empty.", "이 채널의 검토 대기열이 비었어요."));
        var card = SuggestionCards.Review(pending[0], language, pending.Count - 1);
        return new ChatReply(done is null ? card : card with { Title = done + " · " + card.Title }, true);
    }

    private async Task<bool> PostForReviewAsync(ChannelSettings channel, long suggestionId, CancellationToken cancellationToken)
    {
        if (await store.ReviewersChannelAsync(channel.Id, cancellationToken) is not { } reviewers) return false;
        var suggestion = (await store.FindAsync(suggestionId, cancellationToken))!;
        var language = catalog.ForChannel(channel.PackId)?.Language ?? Language.En;
        try
        {
            var messageId = await platforms.Get(channel.Address.Platform).PostAsync(reviewers, SuggestionCards.Review(suggestion, language), cancellationToken);
            await store.SetReviewMessageAsync(suggestionId, reviewers, messageId, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The suggestion is queued all the same: /study suggestions still finds it.
            logger.LogWarning(e, "Could not post suggestion {Suggestion} to the reviewers channel {Reviewers}.", suggestionId, reviewers);
            return false;
        }
    }

    private async Task UpdateReviewMessageAsync(Suggestion suggestion, CancellationToken cancellationToken)
    {
        if (suggestion is not { ReviewChannelId: { } reviewers, ReviewMessageId: { } messageId }) return;
        var channel = await channels.FindAsync(suggestion.ChannelId, cancellationToken);
        if (channel is null) return;
        var language = catalog.ForChannel(channel.PackId)?.Language ?? Language.En;
        try
        {
            await platforms.Get(channel.Address.Platform).EditAsync(reviewers, messageId, SuggestionCards.Review(suggestion, language), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not update the review message of suggestion {Suggestion}.", suggestion.Id);
        }
    }

    private static ChatReply AdminsOnly(Language language) =>
        ChatReply.Private(Say.In(language, "Admins only", "관리자 전용"),
            Say.In(language, "Only people who can manage the channel review suggestions; nothing changed.", "제안 검토는 채널 관리자만 할 수 있어요. 바뀐 것은 없어요."));

    private static ChatReply Unknown(Language language) =>
        ChatReply.Private(Say.In(language, "Unknown suggestion", "알 수 없는 제안"),
            Say.In(language, "That suggestion does not exist (any more); nothing changed.", "없는 제안이에요. 바뀐 것은 없어요."));

    private static ChatReply Decided(Suggestion current, Language language) =>
        ChatReply.Private(Say.In(language, "Already decided", "이미 처리됐어요"), SuggestionCards.DecidedBy(current, language) + Say.In(language, " Nothing changed.", " 바뀐 것은 없어요."));
}
