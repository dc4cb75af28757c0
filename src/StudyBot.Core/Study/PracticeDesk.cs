using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Review;
using StudyBot.Core.Storage;
using StudyBot.Core.Text;

namespace StudyBot.Core.Study;

/// <summary><c>/quiz</c>: private practice questions, weighted toward the asker's weak topics, never on the boards.</summary>
public sealed class PracticeDesk(
    IChannelStore channels,
    IUserStore users,
    IStatsQueries stats,
    IPracticeStore practice,
    ContentCatalog catalog,
    CardReviews reviews,
    TimeProvider clock,
    Random random,
    UnrevealedAnswers unrevealed)
{
    public async Task<ChatReply> AskAsync(CommandContext context, string? topicQuery, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var channel = await channels.GetOrAddAsync(context.Channel, cancellationToken);
        if (catalog.ForChannel(channel.PackId) is not { } pack || pack.Questions.Count == 0)
            return ChatReply.Private(Say.In(language, "No questions", "문제 없음"), Say.In(language, "No question pack is loaded.", "불러온 문제 팩이 없어요."));

        IReadOnlyList<Question> pool = pack.Questions;
        if (!string.IsNullOrWhiteSpace(topicQuery))
        {
            var topicIds = pack.TopicIndex.Search(topicQuery, 3).Select(m => m.Topic.Id).ToHashSet(StringComparer.Ordinal);
            pool = pack.Questions.Where(q => topicIds.Contains(q.TopicId)).ToList();
            if (pool.Count == 0)
                return ChatReply.Private(Say.In(language, "No questions on that topic", "해당 주제의 문제 없음"),
                    Say.In(language, $"I have no practice questions for \"{topicQuery}\". Try {context.Command($"topic {topicQuery}")} or {context.Command("quiz")} alone.",
                        $"\"{topicQuery}\" 주제의 연습 문제가 없어요. {context.Command($"topic {topicQuery}")} 또는 {context.Command("quiz")} 만 입력해 보세요."));
        }

        // Today's open daily question is not practised: the practice reply would show its answer before the reveal.
        var held = await unrevealed.OpenAsync(cancellationToken);
        pool = pool.Where(q => !held.Contains(q.Id)).ToList();
        if (pool.Count == 0) return TodaysQuestion(language);

        var userId = await users.GetOrAddAsync(context.User, cancellationToken);
        var accuracy = await stats.TopicAccuracyAsync(userId, cancellationToken);
        var question = PracticeQuestionPicker.Pick(pool, accuracy, random)!;
        return new ChatReply(StudyCards.PracticeQuestion(question, pack.FindTopic(question.TopicId), language), true);
    }

    public async Task<ChatReply> AnswerAsync(CommandContext context, ButtonAction.PracticeAnswer click, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var pack = catalog.FindQuestionPack(click.QuestionId);
        if (pack?.FindQuestion(click.QuestionId) is not { } question)
            return ChatReply.Private(Say.In(language, "Unknown question", "알 수 없는 문제"),
                Say.In(language, $"That practice question is not loaded any more. Try {context.Command("quiz")} again.", $"더 이상 없는 연습 문제예요. {context.Command("quiz")}를 다시 입력해 보세요."));

        if ((await unrevealed.OpenAsync(cancellationToken)).Contains(question.Id)) return TodaysQuestion(language);
        if (AnswerPicks.Resolve(question, click.Choice, click.EarlierChoice, language,
                second => ButtonIds.Practice(question.Id, second, click.Choice), out var picked) is { } notYet)
            return notYet;

        var isCorrect = question.IsCorrect(picked);
        var userId = await users.GetOrAddAsync(context.User, cancellationToken);
        var now = clock.GetUtcNow();
        await practice.RecordAsync(userId, question.Id, question.TopicId, isCorrect, now,
            reviews.For(pack.Id, question, isCorrect, ReviewSource.Quiz, now), cancellationToken);

        var verdict = isCorrect
            ? Say.In(language, "Correct!", "정답이에요!")
            : Say.In(language, $"Not quite: the answer is {question.AnswerLetters()}.", $"아쉬워요. 정답은 {question.AnswerLetters()}예요.");
        return ChatReply.Private(verdict, question.Explanation.Get(language) + "\n\n" + Say.In(language, $"Another one: {context.Command("quiz")}", $"한 문제 더: {context.Command("quiz")}"));
    }

    private static ChatReply TodaysQuestion(Language language) =>
        ChatReply.Private(Say.In(language, "Today's question", "오늘의 문제"),
            Say.In(language, "That question is open as a daily question now; practise it after its answer is revealed. Nothing was recorded.",
                "이 문제는 지금 오늘의 문제로 열려 있어요. 정답이 공개된 뒤에 연습하세요. 기록하지 않았어요."));
}
