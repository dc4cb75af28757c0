using StudyBot.Core.Chat;
using StudyBot.Core.Review.Reminders;

namespace StudyBot.Core.Commands;

/// <summary>
/// Review reminders as a command of their own until <c>/review</c> takes them as <c>/review remind …</c>:
/// only the words are read here, <see cref="ReviewReminderSettings"/> does the rest.
/// </summary>
public sealed class RemindCommand(ReviewReminderSettings settings) : IStudyCommand, ICommandDefinition
{
    public static CommandSpec Definition { get; } = new("remind", "알림", "A direct message on days you have reviews due (or off)", "복습할 카드가 있는 날 개인 메시지 받기 (또는 끄기)",
        [
            new("when", "시각", ParameterKind.Word, "Local time as HH:mm, e.g. 08:30, or off", "현지 시각 HH:mm (예: 08:30) 또는 off", Required: true),
            new("timezone", "시간대", ParameterKind.Word, "IANA time zone, e.g. Asia/Seoul", "IANA 시간대 (예: Asia/Seoul)"),
        ]);

    public CommandSpec Spec => Definition;

    public Task<ChatReply> RunAsync(CommandContext context, CommandArgs args, CancellationToken cancellationToken) =>
        settings.ChangeAsync(context, args.Text("when"), args.Text("timezone"), cancellationToken);
}
