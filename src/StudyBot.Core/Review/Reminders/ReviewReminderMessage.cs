using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Text;

namespace StudyBot.Core.Review.Reminders;

/// <summary>The direct message a reminder sends: how many cards are due, and a button that starts the review.</summary>
public static class ReviewReminderMessage
{
    public static ChatMessage Build(int dueCards, Language language) => new(
        Say.In(language, "Time to review", "복습할 시간이에요"),
        Say.In(language,
            dueCards == 1 ? "**1 card** is due for review today." : $"**{dueCards} cards** are due for review today.",
            $"오늘 복습할 카드가 **{dueCards}장** 있어요."),
        [],
        [new ChatButton(ButtonIds.StartReview, Say.In(language, "Start review", "복습 시작"))],
        // No command prefix here: a DM has no command context, and Slack spells it "/study review".
        Say.In(language, "To stop these reminders: review remind off", "알림 끄기: review remind off"));
}
