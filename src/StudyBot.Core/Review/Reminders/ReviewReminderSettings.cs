using System.Globalization;
using StudyBot.Core.Chat;
using StudyBot.Core.Commands;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;
using StudyBot.Core.Text;

namespace StudyBot.Core.Review.Reminders;

/// <summary>
/// <c>/review remind &lt;HH:mm&gt; &lt;time zone&gt;</c> and <c>/review remind off</c>: the member's own reminder.
/// Takes the words as typed, so the review command can hand them over from whichever options it has.
/// Every reply is private; a wrong time or time zone changes nothing.
/// </summary>
public sealed class ReviewReminderSettings(IReviewReminderStore reminders, IUserStore users, TimeProvider clock)
{
    /// <summary>The sub-command word the review command hands over on ("remind" or "알림").</summary>
    public static bool IsRemind(string? word) => string.Equals(word?.Trim(), "remind", StringComparison.OrdinalIgnoreCase) || word?.Trim() == "알림";

    public async Task<ChatReply> ChangeAsync(CommandContext context, string? when, string? timeZone, CancellationToken cancellationToken)
    {
        var language = context.Language;
        if (string.Equals(when?.Trim(), "off", StringComparison.OrdinalIgnoreCase) || when?.Trim() == "끄기")
        {
            var userId = await users.GetOrAddAsync(context.User, cancellationToken);
            var wasOn = await reminders.TurnOffAsync(userId, cancellationToken);
            return ChatReply.Private(Say.In(language, "Review reminders are off", "복습 알림을 껐어요"),
                wasOn ? Say.In(language, $"Turn them on again with {Usage(context)}.", $"다시 켜려면 {Usage(context)}")
                      : Say.In(language, $"They were not on. Turn them on with {Usage(context)}.", $"켜져 있지 않았어요. 켜려면 {Usage(context)}"));
        }
        if (!CommandValues.TryTime(when, out var time))
            return ChatReply.Private(
                Say.In(language, $"\"{Shown(when)}\" is not a time", $"\"{Shown(when)}\"은(는) 올바른 시각이 아니에요"),
                Say.In(language, $"Give a local time as HH:mm, e.g. 08:30, and your time zone.\nUsage: {Usage(context)}",
                    $"현지 시각을 HH:mm(예: 08:30)으로, 시간대와 함께 적어 주세요.\n사용법: {Usage(context)}"));
        if (!TimeZones.TryFind(timeZone, out var zone))
            return ChatReply.Private(
                string.IsNullOrWhiteSpace(timeZone)
                    ? Say.In(language, "Missing time zone", "시간대가 필요해요")
                    : Say.In(language, $"\"{Shown(timeZone)}\" is not a time zone", $"\"{Shown(timeZone)}\"은(는) 없는 시간대예요"),
                Say.In(language, $"Use an IANA time zone name such as Asia/Seoul, America/New_York, Europe/London or UTC. Nothing was changed.\nUsage: {Usage(context)}",
                    $"Asia/Seoul, America/New_York, Europe/London, UTC 같은 IANA 시간대 이름을 써 주세요. 바뀐 것은 없어요.\n사용법: {Usage(context)}"));

        var member = await users.GetOrAddAsync(context.User, cancellationToken);
        var existing = await reminders.FindAsync(member, cancellationToken);
        var next = ReminderTimes.Next(time, zone, clock.GetUtcNow(), existing?.LastSentDate);
        await reminders.SaveAsync(member, new ReviewReminder(time, zone.Id, language, true, next, existing?.LastSentDate), cancellationToken);

        var local = TimeZoneInfo.ConvertTime(next, zone);
        var shownNext = local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var day = CommandValues.DayName(local.DayOfWeek, language);
        return ChatReply.Private(Say.In(language, "Review reminders are on", "복습 알림을 켰어요"),
            Say.In(language,
                $"A direct message at **{CommandValues.Hhmm(time)} {zone.Id}** on days you have cards due. Next: **{day} {shownNext}**. Stop with {context.Command("review remind off")}.",
                $"복습할 카드가 있는 날 **{CommandValues.Hhmm(time)} {zone.Id}**에 개인 메시지를 보내요. 다음: **{shownNext} ({day})**. 끄려면 {context.Command("review remind off")}"));
    }

    private static string Usage(CommandContext context) => context.Command("review remind <HH:mm> <time zone>");

    private static string Shown(string? text) => TextCut.ToLength(text?.Trim() ?? "", 40);
}
