using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;
using StudyBot.Testing;

namespace StudyBot.Tests;

public sealed class WeeklyLeaderboardTests : IDisposable
{
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 18, 9, 0, 0, TimeSpan.Zero);
    private readonly CoreOnRealStorage _bot = new(Packs.Small(perTopic: 1), Wednesday);

    public void Dispose() => _bot.Dispose();

    private async Task<long> AnsweredAndClosedAsync()
    {
        var post = await _bot.PostTodayAsync();
        await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("ann"), ButtonIds.Daily(post.Id, 0), default);
        await _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("admin", admin: true), "study close", default);
        return post.ChannelId;
    }

    [Fact]
    public async Task The_weekly_post_shows_this_weeks_board_in_the_channel()
    {
        var channelId = await AnsweredAndClosedAsync();
        _bot.Clock.Set(new DateTimeOffset(2026, 11, 22, 20, 0, 0, TimeSpan.Zero)); // Sunday evening

        Assert.True(await _bot.Get<Leaderboards>().PostWeeklyAsync(channelId, default));
        var board = _bot.Platform.Posts.Last();
        Assert.Equal("room", board.ChannelId);
        Assert.Contains("11-16 – 11-22", board.Message.Title, StringComparison.Ordinal);
        Assert.Contains("ann", board.Message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_monday_post_shows_the_week_that_just_ended()
    {
        var channelId = await AnsweredAndClosedAsync();
        _bot.Clock.Set(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

        await _bot.Get<Leaderboards>().PostWeeklyAsync(channelId, default);
        var board = _bot.Platform.Posts.Last();
        Assert.Contains("11-16 – 11-22", board.Message.Title, StringComparison.Ordinal);
        Assert.Contains("ann", board.Message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_weekly_post_once_the_board_is_turned_off()
    {
        var channelId = await AnsweredAndClosedAsync();
        await _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("admin", admin: true), "study board off", default);
        var before = _bot.Platform.Posts.Count;

        Assert.False(await _bot.Get<Leaderboards>().PostWeeklyAsync(channelId, default));
        Assert.Equal(before, _bot.Platform.Posts.Count);
        Assert.False((await _bot.Get<IChannelStore>().FindAsync(channelId, default))!.LeaderboardEnabled);
    }
}
