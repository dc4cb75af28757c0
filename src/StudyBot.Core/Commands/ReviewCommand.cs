using StudyBot.Core.Chat;
using StudyBot.Core.Review;
using StudyBot.Core.Review.Reminders;

namespace StudyBot.Core.Commands;

public sealed class ReviewCommand(ReviewDesk reviews, ReviewReminderSettings reminders) : IStudyCommand, ICommandDefinition
{
    public static CommandSpec Definition { get; } = new("review", "복습", "Your due review cards, one at a time, only you see them", "복습할 카드를 하나씩 (나만 보기)",
        [new("topic", "주제", ParameterKind.Topic, "Review this topic only", "이 주제만 복습하기")]);

    public CommandSpec Spec => Definition;

    public Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken)
    {
        var topic = args.Text("topic");
        // "/review remind 08:30 Asia/Seoul": Discord cannot give /review both a bare form and sub-commands,
        // so the reminder words arrive in the topic text (and as /remind, its own command, for Discord's menu).
        var words = topic?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (words.Length is 2 or 3 && ReviewReminderSettings.IsRemind(words[0]))
            return reminders.ChangeAsync(context, words[1], words.Length == 3 ? words[2] : null, cancellationToken);
        return reviews.StartAsync(context, topic, cancellationToken);
    }
}
