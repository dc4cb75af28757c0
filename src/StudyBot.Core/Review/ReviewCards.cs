using System.Globalization;
using System.Text;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Study;
using StudyBot.Core.Text;

namespace StudyBot.Core.Review;

/// <summary>The wording of <c>/review</c> messages.</summary>
public static class ReviewCards
{
    /// <summary>A card to answer; its buttons carry the card's review count so a stale click records nothing.</summary>
    public static ChatMessage Card(Question question, Topic? topic, int reps, Language language, string footer)
    {
        var choices = StudyCards.ChoiceTexts(question, language);
        var body = new StringBuilder(question.Prompt.Get(language)).Append("\n\n");
        for (var i = 0; i < choices.Count; i++)
            body.Append(CultureInfo.InvariantCulture, $"**{Question.Letter(i)}.** {choices[i]}\n");
        if (question.Kind == QuestionKind.ChooseTwo) body.Append('\n').Append(Say.In(language, "_Choose two._", "_두 개를 고르세요._"));
        return new ChatMessage(
            Say.In(language, "Review", "복습") + (topic is null ? "" : $" · {topic.Title.Get(language)}"),
            body.ToString().TrimEnd(),
            [],
            choices.Select((text, i) => new ChatButton(ButtonIds.Review(reps, question.Id, i), StudyCards.ChoiceLabel(i, text))).ToList(),
            footer);
    }

    /// <summary>"in 3 days" / "3일 후", from now to the card's due time.</summary>
    public static string Interval(MemoryCard card, DateTimeOffset now, Language language)
    {
        var days = Math.Max(0, (int)Math.Round((card.Due - now).TotalDays));
        return days switch
        {
            0 => Say.In(language, "today", "오늘"),
            1 => Say.In(language, "tomorrow", "내일"),
            _ => Say.In(language, $"in {days} days", $"{days}일 후"),
        };
    }

    public static string LocalTime(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})";
}
