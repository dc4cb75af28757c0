using StudyBot.Adapters.Discord.Client.Gateway;

namespace StudyBot.Adapters.Discord.Tests.Gateway;

public sealed class HeartbeaterTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task The_first_heartbeat_waits_a_random_part_of_the_interval_then_one_per_interval()
    {
        var clock = new ManualClock();
        var beats = new List<long?>();
        var session = new GatewaySession();
        session.Saw(5);
        var heartbeater = new Heartbeater((seq, _) => { lock (beats) beats.Add(seq); return Task.CompletedTask; }, () => { }, session, Interval, clock, () => 0.25);
        using var stop = new CancellationTokenSource();
        var running = heartbeater.RunAsync(stop.Token);

        await clock.WaitForTimersAsync();
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Empty(beats);
        clock.Advance(TimeSpan.FromSeconds(1));
        await WaitForAsync(() => beats.Count == 1);
        heartbeater.Acknowledged();
        await clock.WaitForTimersAsync();
        clock.Advance(Interval);
        await WaitForAsync(() => beats.Count == 2);

        Assert.Equal([5L, 5L], beats);
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task A_heartbeat_due_without_an_ACK_for_the_last_one_aborts_the_connection()
    {
        var clock = new ManualClock();
        var aborted = false;
        var heartbeater = new Heartbeater((_, _) => Task.CompletedTask, () => aborted = true, new GatewaySession(), Interval, clock, () => 0.0);
        var running = heartbeater.RunAsync(CancellationToken.None);

        await WaitForAsync(() => clock.PendingTimers == 1);
        clock.Advance(Interval);

        await running.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(aborted);
        Assert.True(heartbeater.IsZombie);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(5);
        Assert.True(condition());
    }
}
