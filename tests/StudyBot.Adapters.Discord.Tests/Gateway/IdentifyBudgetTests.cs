using Microsoft.Extensions.Logging.Abstractions;
using StudyBot.Adapters.Discord.Client.Gateway;
using StudyBot.Adapters.Discord.Client.Rest;

namespace StudyBot.Adapters.Discord.Tests.Gateway;

public sealed class IdentifyBudgetTests
{
    private static readonly Uri Gateway = new("wss://gateway.example");

    [Fact]
    public async Task No_session_starts_left_waits_for_the_reset_and_asks_again()
    {
        var clock = new ManualClock();
        var answers = new Queue<int>([0, 7]);
        var asked = 0;
        var budget = new IdentifyBudget(_ =>
        {
            asked++;
            return Task.FromResult(new GatewayInfo(Gateway, 1, answers.Dequeue(), 1000, TimeSpan.FromHours(3), 1));
        }, (_, _) => Task.CompletedTask, clock, NullLogger.Instance);

        var waiting = budget.WaitForIdentifyAsync(CancellationToken.None);
        await clock.WaitForTimersAsync();
        clock.Advance(TimeSpan.FromHours(3) - TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        var info = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(7, info.SessionStartsRemaining);
        Assert.Equal(2, asked);
    }

    [Fact]
    public async Task The_slot_is_awaited_after_the_budget_check_with_what_Discord_said()
    {
        var clock = new ManualClock();
        var slot = new TaskCompletionSource();
        GatewayInfo? asked = null;
        var budget = new IdentifyBudget(_ => Task.FromResult(new GatewayInfo(Gateway, 4, 900, 1000, TimeSpan.Zero, 16)),
            (info, _) =>
            {
                asked = info;
                return slot.Task;
            }, clock, NullLogger.Instance);

        var waiting = budget.WaitForIdentifyAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        slot.SetResult();

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(16, asked?.MaxConcurrency);
    }
}
