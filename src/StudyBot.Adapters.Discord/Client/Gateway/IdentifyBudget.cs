using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Discord.Client.Rest;

namespace StudyBot.Adapters.Discord.Client.Gateway;

/// <summary>
/// Guards the daily IDENTIFY budget (Discord resets the token of a bot that goes over it). Before
/// every new session it asks <c>GET /gateway/bot</c> how many starts are left — the count is shared
/// by every shard process — waits for the reset when none are, then waits for the shard's identify
/// slot (<see cref="IdentifySlots"/>, one per 5 s per concurrency bucket across the cluster). RESUME
/// costs nothing and does not come through here.
/// </summary>
internal sealed class IdentifyBudget(
    Func<CancellationToken, Task<GatewayInfo>> fetch,
    Func<GatewayInfo, CancellationToken, Task> waitForSlot,
    TimeProvider clock,
    ILogger logger)
{
    /// <summary>Waits until an IDENTIFY may be sent and returns the gateway URL to send it to.</summary>
    public async Task<GatewayInfo> WaitForIdentifyAsync(CancellationToken cancellationToken)
    {
        var info = await fetch(cancellationToken);
        while (info.SessionStartsRemaining <= 0)
        {
            logger.SessionStartsUsedUp(info.SessionStartsTotal, info.ResetAfter);
            await Task.Delay(info.ResetAfter > TimeSpan.Zero ? info.ResetAfter : TimeSpan.FromSeconds(1), clock, cancellationToken);
            info = await fetch(cancellationToken);
        }
        if (info.SessionStartsRemaining <= Math.Max(10, info.SessionStartsTotal / 10))
            logger.FewSessionStartsLeft(info.SessionStartsRemaining, info.SessionStartsTotal);

        await waitForSlot(info, cancellationToken);
        return info;
    }
}
