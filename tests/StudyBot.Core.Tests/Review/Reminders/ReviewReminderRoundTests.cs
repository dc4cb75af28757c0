using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Review.Reminders;
using StudyBot.Testing;

namespace StudyBot.Core.Tests.Review.Reminders;

/// <summary>The send round on a hand-moved clock, as the one-minute job runs it.</summary>
public sealed class ReviewReminderRoundTests : IDisposable
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private readonly ManualClock _clock = new();
    private readonly MemoryReminderStore _store = new();
    private readonly RecordingChatPlatform _discord = new("discord");
    private readonly TestLogs _logs = new();
    private readonly ReviewReminderSettings _settings;

    public ReviewReminderRoundTests() => _settings = new ReviewReminderSettings(_store, new MemoryUserStore(_store), _clock);

    public void Dispose() => _logs.Dispose();

    private ReviewReminderRound Round(IChatPlatform? platform = null) =>
        new(_store, new ChatPlatforms([platform ?? _discord]), _clock, new LoggerOf<ReviewReminderRound>(_logs.CreateLogger("reminders")));

    private async Task<long> OptInAsync(string user, string when, string zone, int dueCards)
    {
        var context = new CommandContext(new ChannelAddress("discord", "c"), new ChatUser("discord", user, user), false, Language.En);
        var reply = await _settings.ChangeAsync(context, when, zone, default);
        Assert.Equal("Review reminders are on", reply.Message.Title);
        var id = _store.Users.Single(u => u.Value.UserId == user).Key;
        _store.DueCards[id] = dueCards;
        return id;
    }

    /// <summary>Moves the clock to <paramref name="at"/> (never back) and runs a round there.</summary>
    private async Task<ReviewReminderRound.Outcome> RunAtAsync(DateTimeOffset at, IChatPlatform? platform = null)
    {
        _clock.Advance(at - _clock.GetUtcNow());
        return await Round(platform).RunAsync(default);
    }

    [Fact]
    public async Task A_reminder_is_sent_once_a_local_day_at_the_local_time_with_the_count_and_a_start_button()
    {
        await OptInAsync("u-1", "08:00", "Asia/Seoul", dueCards: 3);

        await RunAtAsync(new DateTimeOffset(2026, 1, 2, 7, 59, 0, Kst));
        Assert.Empty(_discord.DirectMessages);

        await RunAtAsync(new DateTimeOffset(2026, 1, 2, 8, 0, 0, Kst));
        var (userId, message) = Assert.Single(_discord.DirectMessages);
        Assert.Equal("u-1", userId);
        Assert.Contains("3 cards", message.Body, StringComparison.Ordinal);
        Assert.Equal(ButtonIds.StartReview, Assert.Single(message.Buttons).Id);

        await RunAtAsync(new DateTimeOffset(2026, 1, 2, 8, 1, 0, Kst));
        await RunAtAsync(new DateTimeOffset(2026, 1, 2, 23, 59, 0, Kst));
        Assert.Single(_discord.DirectMessages);

        await RunAtAsync(new DateTimeOffset(2026, 1, 3, 8, 0, 30, Kst));
        Assert.Equal(2, _discord.DirectMessages.Count);
    }

    [Fact]
    public async Task Moving_the_time_after_todays_reminder_does_not_send_a_second_one_today()
    {
        await OptInAsync("u-1", "08:00", "Asia/Seoul", dueCards: 1);
        await RunAtAsync(new DateTimeOffset(2026, 1, 2, 8, 0, 0, Kst));
        Assert.Single(_discord.DirectMessages);

        await OptInAsync("u-1", "09:00", "Asia/Seoul", dueCards: 1);
        Assert.Equal(new DateTimeOffset(2026, 1, 3, 9, 0, 0, Kst), _store[1]!.NextSendAt);
        await RunAtAsync(new DateTimeOffset(2026, 1, 2, 9, 0, 0, Kst));
        Assert.Single(_discord.DirectMessages);
    }

    [Fact]
    public async Task A_member_with_nothing_due_is_skipped_silently_and_moved_to_the_next_day()
    {
        var idle = await OptInAsync("idle", "08:00", "Asia/Seoul", dueCards: 0);
        await OptInAsync("busy", "08:00", "Asia/Seoul", dueCards: 2);

        var outcome = await RunAtAsync(new DateTimeOffset(2026, 1, 2, 8, 0, 0, Kst));

        Assert.Equal("busy", Assert.Single(_discord.DirectMessages).UserId);
        Assert.Equal((1, 1), (outcome.Sent, outcome.NothingDue));
        Assert.Equal(new DateTimeOffset(2026, 1, 3, 8, 0, 0, Kst), _store[idle]!.NextSendAt);
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Information);
    }

    [Fact]
    public async Task An_unreachable_member_has_reminders_turned_off_and_is_logged_once()
    {
        var closed = await OptInAsync("closed-dms", "08:00", "Asia/Seoul", dueCards: 5);
        _discord.UnreachableUsers["closed-dms"] = true;

        var outcome = await RunAtAsync(new DateTimeOffset(2026, 1, 2, 8, 0, 0, Kst));
        await RunAtAsync(new DateTimeOffset(2026, 1, 3, 8, 0, 0, Kst));
        await RunAtAsync(new DateTimeOffset(2026, 1, 4, 8, 0, 0, Kst));

        Assert.Equal(1, outcome.Unreachable);
        Assert.False(_store[closed]!.Enabled);
        Assert.Empty(_discord.DirectMessages);
        var logged = Assert.Single(_logs.Entries.All, e => e.Message.Contains("cannot be messaged", StringComparison.Ordinal));
        Assert.Contains("closed-dms", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_send_is_logged_and_left_for_the_next_round()
    {
        var member = await OptInAsync("u-1", "08:00", "Asia/Seoul", dueCards: 2);
        var flaky = new FailingDirectMessages(_discord);

        var failed = await RunAtAsync(new DateTimeOffset(2026, 1, 2, 8, 0, 0, Kst), flaky);
        Assert.Equal(1, failed.Failed);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 8, 0, 0, Kst), _store[member]!.NextSendAt);
        Assert.True(_logs.Has(LogLevel.Warning, "next round tries again"));

        flaky.Failing = false;
        await RunAtAsync(new DateTimeOffset(2026, 1, 2, 8, 1, 0, Kst), flaky);
        Assert.Single(_discord.DirectMessages);
        Assert.Equal(new DateTimeOffset(2026, 1, 3, 8, 0, 0, Kst), _store[member]!.NextSendAt);
    }

    [Fact]
    public async Task A_time_DST_skips_is_sent_at_the_first_valid_time_and_the_next_day_at_the_usual_time()
    {
        var member = await OptInAsync("ny", "02:30", "America/New_York", dueCards: 1);
        var est = TimeSpan.FromHours(-5);
        var edt = TimeSpan.FromHours(-4);

        await RunAtAsync(new DateTimeOffset(2026, 3, 7, 2, 30, 0, est));
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 0, 0, edt), _store[member]!.NextSendAt);

        await RunAtAsync(new DateTimeOffset(2026, 3, 8, 1, 59, 0, est)); // a minute before the jump
        Assert.Single(_discord.DirectMessages);
        await RunAtAsync(new DateTimeOffset(2026, 3, 8, 3, 0, 0, edt));
        Assert.Equal(2, _discord.DirectMessages.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 2, 30, 0, edt), _store[member]!.NextSendAt);
    }

    [Fact]
    public async Task A_time_DST_repeats_is_sent_once_at_its_first_occurrence()
    {
        var member = await OptInAsync("ny", "01:30", "America/New_York", dueCards: 1);
        var edt = TimeSpan.FromHours(-4);
        var est = TimeSpan.FromHours(-5);

        await RunAtAsync(new DateTimeOffset(2026, 10, 31, 1, 30, 0, edt));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 1, 30, 0, edt), _store[member]!.NextSendAt);

        await RunAtAsync(new DateTimeOffset(2026, 11, 1, 1, 30, 0, edt));
        await RunAtAsync(new DateTimeOffset(2026, 11, 1, 1, 30, 0, est)); // the same wall time, an hour later
        Assert.Equal(2, _discord.DirectMessages.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 1, 30, 0, est), _store[member]!.NextSendAt);
    }

    [Fact]
    public async Task A_round_after_downtime_sends_one_reminder_not_one_per_missed_day()
    {
        var member = await OptInAsync("u-1", "08:00", "Asia/Seoul", dueCards: 4);

        await RunAtAsync(new DateTimeOffset(2026, 1, 5, 12, 0, 0, Kst));

        Assert.Single(_discord.DirectMessages);
        Assert.Equal(new DateTimeOffset(2026, 1, 6, 8, 0, 0, Kst), _store[member]!.NextSendAt);
    }
}
