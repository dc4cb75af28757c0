using System.Globalization;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Health;
using StudyBot.Core.Review;
using StudyBot.Core.Storage;
using StudyBot.Core.Text;

namespace StudyBot.Core.Study;

/// <summary>
/// Takes clicks on daily-question buttons. Every reply is private; the answer is committed before
/// the reply is returned, and the unique key on (post, user) makes a second answer impossible.
/// </summary>
public sealed class AnswerDesk(
    IChannelStore channels,
    IPostStore posts,
    ContentCatalog catalog,
    CardReviews reviews,
    TimeProvider clock)
{
    public async Task<ChatReply> AnswerAsync(CommandContext context, ButtonAction.DailyAnswer click, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var post = await posts.FindAsync(click.PostId, cancellationToken);
        var channel = post is null ? null : await channels.FindAsync(post.ChannelId, cancellationToken);
        var question = post is null ? null : catalog.Find(post.PackId)?.FindQuestion(post.QuestionId);
        if (post is null || channel is null || question is null)
            return ChatReply.Private(Say.In(language, "Unknown question", "알 수 없는 문제"),
                Say.In(language, "This question is not one I posted, or it has been removed.", "제가 올린 문제가 아니거나 삭제된 문제예요."));
        if (channel.Address != context.Channel)
            return ChatReply.Private(Say.In(language, "Wrong channel", "다른 채널의 문제"),
                Say.In(language, "This button belongs to a question in another channel; nothing was recorded.", "다른 채널의 문제 버튼이에요. 기록하지 않았어요."));

        var now = clock.GetUtcNow();
        if (!post.IsOpenAt(now)) return Closed(context);
        if (AnswerPicks.Resolve(question, click.Choice, click.EarlierChoice, language,
                second => ButtonIds.Daily(post.Id, second, click.Choice), out var picked) is { } notYet)
            return notYet;

        var isCorrect = question.IsCorrect(picked);
        var outcome = await posts.RecordAnswerAsync(
            new NewAnswer(post.Id, post.ChannelId, context.User, question.TopicId, ChoiceList(picked), isCorrect, now,
                reviews.For(post.PackId, question, isCorrect, ReviewSource.Daily, now)),
            cancellationToken);
        if (outcome == AnswerOutcome.Recorded) StudyMetrics.AnswersRecorded.Add(1);

        var letters = string.Join(", ", picked.Order().Select(Question.Letter));
        var zone = TimeZones.FindOrUtc(channel.TimeZoneId);
        var closes = TimeZoneInfo.ConvertTime(post.ClosesAt, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
        return outcome switch
        {
            AnswerOutcome.Recorded => ChatReply.Private(Say.In(language, "Answer recorded", "답안 제출 완료"),
                Say.In(language, $"Your answer {letters} is in. The answer is revealed at {closes}.", $"{letters}로 제출했어요. 정답은 {closes}에 공개돼요.")),
            AnswerOutcome.AlreadyAnswered => ChatReply.Private(Say.In(language, "Already answered", "이미 답했어요"),
                Say.In(language, "You already answered this question; only your first answer counts.", "이미 이 문제에 답했어요. 첫 답만 인정돼요.")),
            AnswerOutcome.Closed => Closed(context),
            _ => ChatReply.Private(Say.In(language, "Unknown question", "알 수 없는 문제"), Say.In(language, "This question no longer exists.", "더 이상 없는 문제예요.")),
        };
    }

    public static string ChoiceList(IEnumerable<int> picked) => string.Join(',', picked.Order());

    private static ChatReply Closed(CommandContext context) =>
        ChatReply.Private(Say.In(context.Language, "Question closed", "마감된 문제"),
            Say.In(context.Language, $"This question is closed; nothing was recorded. Try {context.Command("quiz")} to practise.",
                $"마감된 문제라 기록하지 않았어요. {context.Command("quiz")}로 연습해 보세요."));

    internal static ChatReply InvalidChoice(Language language) =>
        ChatReply.Private(Say.In(language, "Unknown choice", "알 수 없는 선택"),
            Say.In(language, "That button does not match this question; nothing was recorded.", "이 문제의 버튼이 아니에요. 기록하지 않았어요."));
}
