using StudyBot.Core.Content;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Contract;

/// <summary>Review reminders (<see cref="IReviewReminderStore"/>): who is due, with their due cards, and how a round moves them on.</summary>
public abstract partial class StorageContract
{
    private static ReviewReminder Reminder(DateTimeOffset next, bool enabled = true) =>
        new(new TimeOnly(8, 0), "Asia/Seoul", Language.Ko, enabled, next, null);

    [Fact]
    public async Task A_saved_reminder_reads_back_as_saved_and_a_save_keeps_the_last_sent_date()
    {
        var user = await Store.UserAsync("mina");
        await Store.Reminders.SaveAsync(user, Reminder(T0), default);
        Assert.Equal(Reminder(T0), await Store.Reminders.FindAsync(user, default));

        await Store.Reminders.AdvanceAsync([new ReminderAdvance(user, T0.AddDays(1), Day)], default);
        await Store.Reminders.SaveAsync(user, Reminder(T0.AddHours(30)) with { LocalTime = new TimeOnly(9, 15), TimeZoneId = "UTC" }, default);

        var found = await Store.Reminders.FindAsync(user, default);
        Assert.Equal((new TimeOnly(9, 15), "UTC", T0.AddHours(30), (DateOnly?)Day), (found!.LocalTime, found.TimeZoneId, found.NextSendAt, found.LastSentDate));
        Assert.Null(await Store.Reminders.FindAsync(await Store.UserAsync("nobody"), default));
    }

    [Fact]
    public async Task Due_lists_only_enabled_reminders_whose_instant_has_passed_with_who_to_message()
    {
        var due = await Store.UserAsync("due");
        var later = await Store.UserAsync("later");
        var off = await Store.UserAsync("off");
        await Store.Reminders.SaveAsync(due, Reminder(T0), default);
        await Store.Reminders.SaveAsync(later, Reminder(T0.AddMinutes(1)), default);
        await Store.Reminders.SaveAsync(off, Reminder(T0.AddMinutes(-5), enabled: false), default);

        var listed = Assert.Single(await Store.Reminders.ListDueAsync(T0, null, 100, default));

        Assert.Equal((due, "test", "due"), (listed.UserId, listed.Platform, listed.PlatformUserId));
        Assert.Equal(Language.Ko, listed.Reminder.Language);
    }

    [Fact]
    public async Task Due_counts_the_members_cards_due_now_and_not_retired()
    {
        var mina = await Store.UserAsync("mina");
        var other = await Store.UserAsync("other");
        await Store.Reminders.SaveAsync(mina, Reminder(T0), default);
        await Store.AddReviewCardAsync(mina, "q1", T0.AddDays(-2));
        await Store.AddReviewCardAsync(mina, "q2", T0);
        await Store.AddReviewCardAsync(mina, "q3", T0.AddMinutes(1));
        await Store.AddReviewCardAsync(mina, "q4", T0.AddDays(-1), retired: true);
        await Store.AddReviewCardAsync(other, "q1", T0.AddDays(-1));

        Assert.Equal(2, Assert.Single(await Store.Reminders.ListDueAsync(T0, null, 100, default)).DueCards);
    }

    [Fact]
    public async Task Due_pages_in_next_send_then_user_order_after_the_last_one_read()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var user = await Store.UserAsync($"u{i}");
            ids.Add(user);
            // Two share an instant, so the page boundary falls between equal instants.
            await Store.Reminders.SaveAsync(user, Reminder(T0.AddMinutes(-(i / 2))), default);
        }

        var first = await Store.Reminders.ListDueAsync(T0, null, 2, default);
        var rest = await Store.Reminders.ListDueAsync(T0, (first[^1].Reminder.NextSendAt, first[^1].UserId), 10, default);

        var order = first.Concat(rest).Select(r => (r.Reminder.NextSendAt, r.UserId)).ToList();
        Assert.Equal(5, order.Distinct().Count());
        Assert.Equal(order.OrderBy(o => o.NextSendAt).ThenBy(o => o.UserId), order);
        Assert.Equal(ids.Order(), order.Select(o => o.UserId).Order());
    }

    [Fact]
    public async Task Advance_moves_the_instant_and_records_the_sent_date_without_turning_a_reminder_back_on()
    {
        var sent = await Store.UserAsync("sent");
        var skipped = await Store.UserAsync("skipped");
        var turnedOff = await Store.UserAsync("turned-off");
        foreach (var user in new[] { sent, skipped, turnedOff }) await Store.Reminders.SaveAsync(user, Reminder(T0), default);
        Assert.True(await Store.Reminders.TurnOffAsync(turnedOff, default));
        Assert.False(await Store.Reminders.TurnOffAsync(turnedOff, default));

        await Store.Reminders.AdvanceAsync(
            [new ReminderAdvance(sent, T0.AddDays(1), Day), new ReminderAdvance(skipped, T0.AddDays(1), null), new ReminderAdvance(turnedOff, T0.AddDays(1), null)], default);

        Assert.Empty(await Store.Reminders.ListDueAsync(T0.AddHours(23), null, 100, default));
        Assert.Equal(Day, (await Store.Reminders.FindAsync(sent, default))!.LastSentDate);
        Assert.Null((await Store.Reminders.FindAsync(skipped, default))!.LastSentDate);
        Assert.False((await Store.Reminders.FindAsync(turnedOff, default))!.Enabled);
        Assert.Equal([sent, skipped], (await Store.Reminders.ListDueAsync(T0.AddDays(1), null, 100, default)).Select(r => r.UserId).Order());
    }
}
