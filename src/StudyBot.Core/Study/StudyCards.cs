using System.Globalization;
using System.Text;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Scoring;
using StudyBot.Core.Storage;
using StudyBot.Core.Text;

namespace StudyBot.Core.Study;

/// <summary>Builds the bot's messages. Adapters only render them; the wording lives here, once.</summary>
public static class StudyCards
{
    public const int MaxButtonLabel = 75;

    public static string ChoiceLabel(int index, string text)
    {
        var label = $"{Question.Letter(index)}. {text}";
        return label.Length <= MaxButtonLabel ? label : label[..(MaxButtonLabel - 1)] + "…";
    }

    public static IReadOnlyList<string> ChoiceTexts(Question question, Language language) =>
        question.Kind == QuestionKind.TrueFalse
            ? [Say.In(language, "True", "참"), Say.In(language, "False", "거짓")]
            : question.Choices.Select(c => c.Get(language)).ToList();

    /// <summary>The daily question with one button per choice.</summary>
    public static ChatMessage DailyQuestion(Post post, Question question, Topic? topic, Language language, TimeZoneInfo zone)
    {
        var closes = TimeZoneInfo.ConvertTime(post.ClosesAt, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
        var choices = ChoiceTexts(question, language);
        return new ChatMessage(
            Say.In(language, "Question of the day", "오늘의 문제") + (topic is null ? "" : $" · {topic.Title.Get(language)}"),
            QuestionBody(question, choices, language),
            [],
            choices.Select((text, i) => new ChatButton(ButtonIds.Daily(post.Id, i), ChoiceLabel(i, text))).ToList(),
            WrittenBy(question, language) + Say.In(language, $"Answers close at {closes} ({zone.Id}) · {question.Id}", $"{closes} ({zone.Id})에 마감 · {question.Id}"));
    }

    /// <summary>A practice question, shown only to the asker; its buttons carry the question id.</summary>
    public static ChatMessage PracticeQuestion(Question question, Topic? topic, Language language)
    {
        var choices = ChoiceTexts(question, language);
        return new ChatMessage(
            Say.In(language, "Practice", "연습 문제") + (topic is null ? "" : $" · {topic.Title.Get(language)}"),
            QuestionBody(question, choices, language),
            [],
            choices.Select((text, i) => new ChatButton(ButtonIds.Practice(question.Id, i), ChoiceLabel(i, text))).ToList(),
            Say.In(language, "Practice is private and not on the leaderboard.", "연습 문제는 나만 보이며 순위에 반영되지 않아요."));
    }

    /// <summary>For "choose two": the second pick, offered after the first.</summary>
    public static ChatMessage SecondPick(Question question, int first, Func<int, string> buttonId, Language language)
    {
        var choices = ChoiceTexts(question, language);
        return new ChatMessage(
            Say.In(language, $"You picked {Question.Letter(first)}. Now pick one more.", $"{Question.Letter(first)}를 골랐어요. 하나 더 고르세요."),
            Say.In(language, "This question needs two answers.", "이 문제는 두 개를 골라야 해요."),
            [],
            choices.Select((text, i) => (text, i)).Where(c => c.i != first)
                .Select(c => new ChatButton(buttonId(c.i), ChoiceLabel(c.i, c.text))).ToList());
    }

    /// <summary>The closed daily question: answer, explanation and how the channel did; no buttons.</summary>
    public static ChatMessage Reveal(Question question, Topic? topic, PostResults results, Language language)
    {
        var choices = ChoiceTexts(question, language);
        var body = new StringBuilder(question.Prompt.Get(language)).Append("\n\n");
        for (var i = 0; i < choices.Count; i++)
        {
            var mark = question.CorrectChoices.Contains(i) ? "✅" : "▫️";
            var count = i < results.ChoiceCounts.Count ? results.ChoiceCounts[i] : 0;
            body.Append(CultureInfo.InvariantCulture, $"{mark} **{Question.Letter(i)}.** {choices[i]} ({count})\n");
        }
        body.Append('\n').Append(question.Explanation.Get(language));

        var percent = results.Answered == 0 ? 0 : (int)Math.Round(100.0 * results.Correct / results.Answered);
        return new ChatMessage(
            Say.In(language, $"Answer: {question.AnswerLetters()}", $"정답: {question.AnswerLetters()}") + (topic is null ? "" : $" · {topic.Title.Get(language)}"),
            body.ToString(),
            [
                new(Say.In(language, "Answered", "참여"), results.Answered.ToString(CultureInfo.InvariantCulture)),
                new(Say.In(language, "Correct", "정답률"), $"{percent}%"),
                new(Say.In(language, "First correct", "첫 정답자"), results.FirstCorrectName ?? "-"),
            ],
            [],
            question.WrittenBy is null ? null : WrittenBy(question, language).TrimEnd(' ', '·'));
    }

    /// <summary>The reveal in short, for the discussion thread: the answer, the share right and who was first.</summary>
    public static ChatMessage RevealSummary(Question question, PostResults results, Language language)
    {
        var percent = results.Answered == 0 ? 0 : (int)Math.Round(100.0 * results.Correct / results.Answered);
        var first = results.FirstCorrectName ?? "-";
        return ChatMessage.Text(
            Say.In(language, $"Answer: {question.AnswerLetters()}", $"정답: {question.AnswerLetters()}"),
            Say.In(language,
                $"{percent}% correct ({results.Correct} of {results.Answered}) · first right: {first}",
                $"정답률 {percent}% ({results.Answered}명 중 {results.Correct}명) · 첫 정답자: {first}"));
    }

    public static ChatMessage LeaderboardCard(string title, IReadOnlyList<LeaderboardRow> rows, Language language)
    {
        if (rows.Count == 0)
            return ChatMessage.Text(title, Say.In(language, "No scored answers yet. Answers count once a question closes.", "아직 점수가 없어요. 문제가 마감되면 점수가 반영돼요."));
        var body = new StringBuilder();
        foreach (var ranked in Leaderboard.Rank(rows))
        {
            var row = ranked.Row;
            // Medals are for points: a week where nobody got one right shows plain ranks.
            var medal = (ranked.Rank, row.Points > 0) switch { (1, true) => "🥇", (2, true) => "🥈", (3, true) => "🥉", _ => $"{ranked.Rank}." };
            body.Append(CultureInfo.InvariantCulture, $"{medal} **{row.DisplayName}** — {row.Points} ")
                .Append(Say.In(language, "pts", "점"))
                .Append(CultureInfo.InvariantCulture, $" ({row.Correct}/{row.Answered})\n");
        }
        return ChatMessage.Text(title, body.ToString().TrimEnd());
    }

    public static ChatMessage TopicCard(Topic topic, IReadOnlyList<TopicMatch> others, Language language)
    {
        var body = new StringBuilder(topic.Summary.Get(language));
        var facts = topic.KeyFacts(language);
        if (facts.Count > 0)
        {
            body.Append("\n\n");
            foreach (var fact in facts.Take(12)) body.Append("• ").Append(fact).Append('\n');
        }
        var fields = new List<MessageField>();
        if (topic.Aliases.Count > 0)
            fields.Add(new(Say.In(language, "Also known as", "다른 이름"), string.Join(", ", topic.Aliases.Take(10))));
        if (others.Count > 0)
            fields.Add(new(Say.In(language, "See also", "관련 주제"), string.Join(", ", others.Select(o => o.Topic.Title.Get(language)))));
        return new ChatMessage(topic.Title.Get(language), TextCut.ToLength(body.ToString().TrimEnd(), 3000), fields, []);
    }

    /// <summary>"Written by mina · " for a member's question, nothing for a pack's.</summary>
    private static string WrittenBy(Question question, Language language) =>
        question.WrittenBy is { } author ? Say.In(language, $"Written by {author} · ", $"{author} 님이 낸 문제 · ") : "";

    private static string QuestionBody(Question question, IReadOnlyList<string> choices, Language language)
    {
        var body = new StringBuilder(question.Prompt.Get(language)).Append("\n\n");
        for (var i = 0; i < choices.Count; i++)
            body.Append(CultureInfo.InvariantCulture, $"**{Question.Letter(i)}.** {choices[i]}\n");
        if (question.Kind == QuestionKind.ChooseTwo)
            body.Append('\n').Append(Say.In(language, "_Choose two._", "_두 개를 고르세요._"));
        return body.ToString().TrimEnd();
    }

}
