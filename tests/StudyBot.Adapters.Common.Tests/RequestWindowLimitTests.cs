using StudyBot.Testing;

namespace StudyBot.Adapters.Common.Tests;

public sealed class RequestWindowLimitTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PastWindow = Window + TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task A_lowered_limit_holds_back_the_next_grant_even_behind_500_waiters()
    {
        var clock = new ManualClock();
        using var limit = new RequestWindowLimit(4, Window, clock);
        var sent = await TakeAsync(limit, 4);
        var waiting = Enumerable.Range(0, 500).Select(_ => limit.WaitTurnAsync(CancellationToken.None)).ToList();

        limit.Permits = 2;
        foreach (var turn in sent) turn.Dispose();
        clock.Advance(PastWindow);

        await Settled(() => waiting.Count(w => w.IsCompleted) == 2);
        Assert.Equal(2, limit.InUse);
        // Oldest first.
        Assert.True(waiting[0].IsCompleted && waiting[1].IsCompleted);
    }

    [Fact]
    public async Task A_raised_limit_lets_waiters_through_at_once()
    {
        var clock = new ManualClock();
        using var limit = new RequestWindowLimit(1, Window, clock);
        await TakeAsync(limit, 1);
        var waiting = Enumerable.Range(0, 5).Select(_ => limit.WaitTurnAsync(CancellationToken.None)).ToList();
        Assert.DoesNotContain(waiting, w => w.IsCompleted);

        limit.Permits = 4;

        await Settled(() => waiting.Count(w => w.IsCompleted) == 3);
        Assert.Equal(4, limit.InUse);
    }

    [Fact]
    public async Task A_permit_comes_back_one_window_after_the_answer_not_before()
    {
        var clock = new ManualClock();
        using var limit = new RequestWindowLimit(1, Window, clock);
        var turn = (await TakeAsync(limit, 1))[0];
        var next = limit.WaitTurnAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(5)); // in flight: the window has not started
        turn.Dispose();
        clock.Advance(Window - TimeSpan.FromMilliseconds(1));
        Assert.False(next.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(20));

        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_and_the_next_one_gets_the_permit()
    {
        var clock = new ManualClock();
        using var limit = new RequestWindowLimit(1, Window, clock);
        var turn = (await TakeAsync(limit, 1))[0];
        using var cancel = new CancellationTokenSource();
        var cancelled = limit.WaitTurnAsync(cancel.Token);
        var next = limit.WaitTurnAsync(CancellationToken.None);

        await cancel.CancelAsync();
        turn.Dispose();
        clock.Advance(PastWindow);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await next.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, limit.InUse);
    }

    [Fact]
    public async Task Disposing_fails_the_waiters_with_a_reason()
    {
        var clock = new ManualClock();
        var limit = new RequestWindowLimit(1, Window, clock);
        await TakeAsync(limit, 1);
        var waiting = limit.WaitTurnAsync(CancellationToken.None);

        limit.Dispose();

        var error = await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting);
        Assert.Contains("stopping", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<IDisposable>> TakeAsync(RequestWindowLimit limit, int count)
    {
        var turns = new List<IDisposable>();
        for (var i = 0; i < count; i++) turns.Add(await limit.WaitTurnAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)));
        return turns;
    }

    /// <summary>Grants complete on the thread pool: wait for them, then give a straggler the time to show up.</summary>
    private static async Task Settled(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(10);
        await Task.Delay(50);
        Assert.True(condition());
    }
}
