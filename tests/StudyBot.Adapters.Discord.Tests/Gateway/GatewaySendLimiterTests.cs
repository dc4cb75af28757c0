using StudyBot.Adapters.Discord.Client.Gateway;

namespace StudyBot.Adapters.Discord.Tests.Gateway;

public sealed class GatewaySendLimiterTests
{
    [Fact]
    public async Task Ordinary_sends_stop_short_of_120_a_minute_and_leave_room_for_heartbeats()
    {
        var clock = new ManualClock();
        var limiter = new GatewaySendLimiter(clock);
        for (var i = 0; i < 115; i++) await limiter.WaitAsync(isHeartbeat: false, CancellationToken.None);

        var blocked = limiter.WaitAsync(isHeartbeat: false, CancellationToken.None);
        for (var i = 0; i < 5; i++) await limiter.WaitAsync(isHeartbeat: true, CancellationToken.None);
        var heartbeatOverLimit = limiter.WaitAsync(isHeartbeat: true, CancellationToken.None);

        Assert.False(blocked.IsCompleted);
        Assert.False(heartbeatOverLimit.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(60));
        await blocked.WaitAsync(TimeSpan.FromSeconds(5));
        await heartbeatOverLimit.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_window_slides()
    {
        var clock = new ManualClock();
        var limiter = new GatewaySendLimiter(clock, limit: 3, heartbeatReserve: 0);
        await limiter.WaitAsync(false, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(30));
        await limiter.WaitAsync(false, CancellationToken.None);
        await limiter.WaitAsync(false, CancellationToken.None);

        var fourth = limiter.WaitAsync(false, CancellationToken.None);
        await clock.WaitForTimersAsync();
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(fourth.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        await fourth.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
