using System.Globalization;
using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;
using StudyBot.Core.Text;

namespace StudyBot.Core.Review;

/// <summary>
/// <c>/review</c>: the asker's due cards, oldest due first, one at a time in one private message; then up
/// to <see cref="ReviewOptions.NewCardsPerDay"/> new cards from the packs they answer in, weighted to weak topics.
/// </summary>
public sealed class ReviewDesk(
    IChannelStore channels,
    IUserStore users,
    IStatsQueries stats,
    IReviewStore store,
    ContentCatalog catalog,
    CardReviews reviews,
    IOptions<ReviewOptions> options,
    TimeProvider clock,
    Random random,
    UnrevealedAnswers unrevealed)
{
    /// <summary>A card to show: its question, its pack and the review count the buttons carry.</summary>
    private sealed record NextCard(Question Question, ContentPack Pack, int Reps, bool IsNew);

    public async Task<ChatReply> StartAsync(CommandContext context, string? topicQuery, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var channel = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        List<string>? topicIds = null;
        if (!string.IsNullOrWhiteSpace(topicQuery))
        {
            var pack = catalog.ForChannel(channel.PackId);
            topicIds = pack?.TopicIndex.Search(topicQuery, 3).Select(m => m.Topic.Id).ToList() ?? [];
            if (topicIds.Count == 0)
                return ChatReply.Private(Say.In(language, "No such topic", "그런 주제 없음"),
                    Say.In(language, $"I know no topic \"{topicQuery}\". Try {context.Command("review")} alone.", $"\"{topicQuery}\" 주제를 찾지 못했어요. {context.Command("review")}만 입력해 보세요."));
        }
        var userId = await users.GetOrAddAsync(context.User, cancellationToken);
        return new ChatReply(await NextMessageAsync(context, channel, userId, topicIds, null, await unrevealed.OpenAsync(cancellationToken), cancellationToken), true);
    }

    public async Task<ChatReply> AnswerAsync(CommandContext context, ButtonAction.ReviewAnswer click, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var pack = catalog.FindQuestionPack(click.QuestionId);
        if (pack?.FindQuestion(click.QuestionId) is not { } question)
            return ChatReply.Private(Say.In(language, "Question removed", "삭제된 문제"),
                Say.In(language, $"This card's question is no longer in any pack; nothing was recorded. {context.Command("review")} shows your next card.",
                    $"이 카드의 문제는 더 이상 어떤 팩에도 없어요. 기록하지 않았어요. {context.Command("review")}로 다음 카드를 보세요."));
        var held = await unrevealed.OpenAsync(cancellationToken);
        if (held.Contains(question.Id))
            return ChatReply.Private(Say.In(language, "Today's question", "오늘의 문제"),
                Say.In(language, "This card's question is open as a daily question now; nothing was recorded. It comes back after the answer is revealed.",
                    "이 카드의 문제는 지금 오늘의 문제로 열려 있어요. 기록하지 않았어요. 정답이 공개된 뒤에 다시 나와요."));
        if (AnswerPicks.Resolve(question, click.Choice, click.EarlierChoice, language,
                second => ButtonIds.Review(click.Reps, question.Id, second, click.Choice), out var picked) is { } notYet)
            return notYet with { ReplacesClicked = notYet.Message.Buttons.Count > 0 };

        var isCorrect = question.IsCorrect(picked);
        var now = clock.GetUtcNow();
        var result = await store.ReviewAsync(context.User, reviews.For(pack.Id, question, isCorrect, ReviewSource.Review, now), click.Reps, cancellationToken);
        if (result.Outcome == ReviewOutcome.Stale)
            return ChatReply.Private(Say.In(language, "Already reviewed", "이미 복습한 카드"),
                Say.In(language, $"This card was reviewed since this message was shown; nothing was recorded. {context.Command("review")} shows your next card.",
                    $"이 메시지 이후에 이미 복습한 카드예요. 기록하지 않았어요. {context.Command("review")}로 다음 카드를 보세요."));

        var channel = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        var userId = await users.GetOrAddAsync(context.User, cancellationToken);
        var verdict = isCorrect
            ? Say.In(language, "Correct!", "정답이에요!")
            : Say.In(language, $"Not quite: the answer is {question.AnswerLetters()}.", $"아쉬워요. 정답은 {question.AnswerLetters()}예요.");
        var interval = ReviewCards.Interval(result.Card!, now, language);
        var header = $"**{verdict}** {question.Explanation.Get(language)}\n" + Say.In(language, $"Next review of this card: {interval}.", $"이 카드의 다음 복습: {interval}.");
        IReadOnlyList<ChatButton> regrade = isCorrect
            ? [new(ButtonIds.Regrade(result.ReviewId, Rating.Hard), Say.In(language, "That was hard", "어려웠어요")),
               new(ButtonIds.Regrade(result.ReviewId, Rating.Easy), Say.In(language, "That was easy", "쉬웠어요"))]
            : [];
        var next = await NextMessageAsync(context, channel, userId, null, (header, regrade), held, cancellationToken);
        return new ChatReply(next, true, ReplacesClicked: true);
    }

    public async Task<ChatReply> RegradeAsync(CommandContext context, ButtonAction.Regrade click, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var result = await store.RegradeAsync(context.User, click.ReviewId, click.Rating, reviews.Schedule, cancellationToken);
        if (result.Outcome == RegradeOutcome.Regraded)
            return await RegradedAsync(context, click.Rating, result.Card!, cancellationToken);
        var none = Say.In(language, "Nothing was changed.", "아무것도 바꾸지 않았어요.");
        return result.Outcome switch
        {
            RegradeOutcome.NotOwner => ChatReply.Private(Say.In(language, "Not your review", "내 복습이 아니에요"),
                Say.In(language, $"Only the member who answered can re-grade this review. {none}", $"답한 사람만 다시 평가할 수 있어요. {none}")),
            RegradeOutcome.NotLatest => ChatReply.Private(Say.In(language, "Too late to re-grade", "다시 평가할 수 없어요"),
                Say.In(language, $"This card has been reviewed again since; only its latest review can be re-graded. {none}",
                    $"그 뒤에 이 카드를 다시 복습했어요. 마지막 복습만 다시 평가할 수 있어요. {none}")),
            RegradeOutcome.NotRecalled => ChatReply.Private(Say.In(language, "Cannot re-grade", "다시 평가할 수 없어요"),
                Say.In(language, $"Only a correct answer can be marked hard or easy. {none}", $"맞힌 답만 어려움/쉬움으로 표시할 수 있어요. {none}")),
            _ => ChatReply.Private(Say.In(language, "Unknown review", "알 수 없는 복습"),
                Say.In(language, $"I have no record of this review. {none}", $"이 복습 기록이 없어요. {none}")),
        };
    }

    // The re-grade takes the place of the answer it corrects: same message, new interval, the next card still below.
    private async Task<ChatReply> RegradedAsync(CommandContext context, Rating rating, MemoryCard card, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var marked = rating == Rating.Easy ? Say.In(language, "Marked easy", "쉬움으로 표시") : Say.In(language, "Marked hard", "어려움으로 표시");
        var interval = ReviewCards.Interval(card, clock.GetUtcNow(), language);
        var header = $"**{marked}.** " + Say.In(language, $"Next review of this card: {interval}.", $"이 카드의 다음 복습: {interval}.");
        var channel = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        var userId = await users.GetOrAddAsync(context.User, cancellationToken);
        var next = await NextMessageAsync(context, channel, userId, null, (header, []), await unrevealed.OpenAsync(cancellationToken), cancellationToken);
        return new ChatReply(next, true, ReplacesClicked: true);
    }

    /// <summary>The next card (with how many are due), or what to do when nothing is left; <paramref name="result"/> heads it after an answer.</summary>
    private async Task<ChatMessage> NextMessageAsync(CommandContext context, ChannelSettings channel, long userId, IReadOnlyCollection<string>? topicIds,
        (string Text, IReadOnlyList<ChatButton> Buttons)? result, UnrevealedAnswers.Held held, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var now = clock.GetUtcNow();
        var next = await FindNextAsync(channel, userId, now, topicIds, held, cancellationToken);
        var due = await store.DueAsync(userId, now, topicIds, held.QuestionIds, cancellationToken);
        var prefix = result is { } r ? r.Text + "\n\n" : "";
        var extra = result?.Buttons ?? [];
        if (next is null)
        {
            var zone = TimeZones.FindOrUtc(channel.TimeZoneId);
            var when = due.NextDue is { } at
                ? Say.In(language, $"Your next card is due {ReviewCards.LocalTime(at, zone)}.", $"다음 카드는 {ReviewCards.LocalTime(at, zone)}에 복습할 차례예요.")
                : Say.In(language, "You have no cards yet: answer daily questions or practise, and missed ones come back here.",
                    "아직 카드가 없어요. 오늘의 문제나 연습 문제에 답하면 틀린 문제가 여기로 돌아와요.");
            return new ChatMessage(Say.In(language, "Nothing to review", "복습할 카드 없음"),
                prefix + when + " " + Say.In(language, $"{context.Command("quiz")} is there for extra practice.", $"더 연습하려면 {context.Command("quiz")}를 입력하세요."),
                [], extra);
        }
        var card = ReviewCards.Card(next.Question, next.Pack.FindTopic(next.Question.TopicId), next.Reps, language,
            next.IsNew ? Say.In(language, $"New card · {due.Due} due", $"새 카드 · 복습 {due.Due}개 남음")
                : Say.In(language, $"{due.Due} due", $"복습 {due.Due}개 남음"));
        return card with { Body = prefix + card.Body, Buttons = [.. extra, .. card.Buttons] };
    }

    private async Task<NextCard?> FindNextAsync(ChannelSettings channel, long userId, DateTimeOffset now, IReadOnlyCollection<string>? topicIds,
        UnrevealedAnswers.Held held, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (await store.NextDueAsync(userId, now, topicIds, held.QuestionIds, cancellationToken) is not { } due) break;
            var pack = catalog.Find(due.PackId) is { } p && p.FindQuestion(due.QuestionId) is not null ? p : catalog.FindQuestionPack(due.QuestionId);
            if (pack?.FindQuestion(due.QuestionId) is { } question) return new NextCard(question, pack, due.Memory.Reps, false);
            // A question removed since start: retire the cards of every question no longer loaded, then look again.
            await store.SyncRetiredAsync(catalog.Packs.SelectMany(x => x.Questions).Select(q => q.Id).ToList(), cancellationToken);
        }
        return await NewCardAsync(channel, userId, now, topicIds, held, cancellationToken);
    }

    private async Task<NextCard?> NewCardAsync(ChannelSettings channel, long userId, DateTimeOffset now, IReadOnlyCollection<string>? topicIds,
        UnrevealedAnswers.Held held, CancellationToken cancellationToken)
    {
        var zone = TimeZones.FindOrUtc(channel.TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var dayStart = new DateTimeOffset(local.Date, local.Offset);
        if (await store.NewReviewCardsSinceAsync(userId, dayStart, cancellationToken) >= options.Value.NewCardsPerDay) return null;

        var packIds = (await store.AnsweredPackIdsAsync(userId, cancellationToken)).Append(catalog.ForChannel(channel.PackId)?.Id)
            .OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase);
        var packs = packIds.Select(catalog.Find).OfType<ContentPack>().ToList();
        var known = await store.CardQuestionIdsAsync(userId, cancellationToken);
        var pool = packs.SelectMany(p => p.Questions.Select(q => (Pack: p, Question: q)))
            // Today's open daily question is no new card: answering it here would show its answer before the reveal.
            .Where(c => !known.Contains(c.Question.Id) && !held.Contains(c.Question.Id) && (topicIds is null || topicIds.Contains(c.Question.TopicId)))
            .ToList();
        if (pool.Count == 0) return null;
        var accuracy = await stats.TopicAccuracyAsync(userId, cancellationToken);
        var picked = PracticeQuestionPicker.Pick(pool.Select(c => c.Question).ToList(), accuracy, random)!;
        return new NextCard(picked, pool.First(c => c.Question == picked).Pack, 0, true);
    }

    internal static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
