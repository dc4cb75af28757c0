using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Review.Reminders;
using StudyBot.Testing;

namespace StudyBot.Core.Tests.Review.Reminders;

public sealed class ReviewReminderSettingsTests
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    // ManualClock starts at 2026-01-01 00:00 UTC: 09:00 in Seoul.
    private readonly ManualClock _clock = new();
    private readonly MemoryReminderStore _store = new();
    private readonly ReviewReminderSettings _settings;

    public ReviewReminderSettingsTests()
    {
        _settings = new ReviewReminderSettings(_store, new MemoryUserStore(_store), _clock);
    }

    private static CommandContext Member(string prefix = "/") =>
        new(new ChannelAddress("discord", "dm-1"), new ChatUser("discord", "u-1", "Mina"), false, Language.En, prefix);

    [Fact]
    public async Task A_time_and_zone_turn_reminders_on_and_the_reply_names_the_next_local_send()
    {
        var reply = await _settings.ChangeAsync(Member(), "08:30", "Asia/Seoul", default);

        Assert.True(reply.Ephemeral);
        Assert.Contains("2026-01-02 08:30", reply.Message.Body, StringComparison.Ordinal);
        var stored = _store[1]!;
        Assert.True(stored.Enabled);
        Assert.Equal(("Asia/Seoul", new TimeOnly(8, 30)), (stored.TimeZoneId, stored.LocalTime));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 8, 30, 0, Kst), stored.NextSendAt);
    }

    [Fact]
    public async Task A_time_later_today_is_sent_today()
    {
        await _settings.ChangeAsync(Member(), "21:00", "Asia/Seoul", default);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 21, 0, 0, Kst), _store[1]!.NextSendAt);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("8.30")]
    [InlineData("soon")]
    public async Task A_time_that_is_not_HH_mm_gets_a_private_reply_and_changes_nothing(string when)
    {
        var reply = await _settings.ChangeAsync(Member(), when, "Asia/Seoul", default);

        Assert.True(reply.Ephemeral);
        Assert.Contains("not a time", reply.Message.Title, StringComparison.Ordinal);
        Assert.Null(_store[1]);
    }

    [Fact]
    public async Task A_time_zone_that_does_not_exist_gets_a_private_reply_and_keeps_the_old_setting()
    {
        await _settings.ChangeAsync(Member(), "08:30", "Asia/Seoul", default);
        var before = _store[1];

        var reply = await _settings.ChangeAsync(Member("/study "), "07:00", "Mars/Olympus_Mons", default);

        Assert.True(reply.Ephemeral);
        Assert.Contains("\"Mars/Olympus_Mons\" is not a time zone", reply.Message.Title, StringComparison.Ordinal);
        Assert.Contains("/study review remind", reply.Message.Body, StringComparison.Ordinal);
        Assert.Equal(before, _store[1]);
    }

    [Fact]
    public async Task A_missing_time_zone_is_asked_for()
    {
        var reply = await _settings.ChangeAsync(Member(), "08:30", null, default);
        Assert.Equal("Missing time zone", reply.Message.Title);
        Assert.Null(_store[1]);
    }

    [Fact]
    public async Task Off_turns_reminders_off_and_keeps_the_time_for_later()
    {
        await _settings.ChangeAsync(Member(), "08:30", "Asia/Seoul", default);

        var reply = await _settings.ChangeAsync(Member(), "OFF", null, default);

        Assert.True(reply.Ephemeral);
        Assert.Equal("Review reminders are off", reply.Message.Title);
        Assert.False(_store[1]!.Enabled);
        Assert.Equal(new TimeOnly(8, 30), _store[1]!.LocalTime);
    }

    [Fact]
    public async Task Off_without_reminders_says_they_were_not_on()
    {
        var reply = await _settings.ChangeAsync(Member(), "off", null, default);
        Assert.Contains("were not on", reply.Message.Body, StringComparison.Ordinal);
    }
}
