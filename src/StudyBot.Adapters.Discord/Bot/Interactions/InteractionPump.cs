using StudyBot.Adapters.Common;
using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Discord.Client.Gateway;
using StudyBot.Adapters.Discord.Client.Rest;

namespace StudyBot.Adapters.Discord.Bot.Interactions;

/// <summary>
/// Takes interactions off the gateway's dispatches and handles each on its own task, a bounded number at
/// a time, so one slow command never holds up another's 3-second deadline.
/// </summary>
internal sealed class InteractionPump(GatewayClient gateway, InteractionRouter router, ILogger<InteractionPump> logger)
{
    // A click spends most of its time waiting for its share of a group commit, which costs no CPU:
    // more clicks in flight make bigger commits. 32 held a 10,000-click burst to ~3,000/s.
    private const int MaxConcurrent = 128;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(MaxConcurrent);
        var running = new List<Task>();
        var seen = new SeenInteractions();
        try
        {
            await foreach (var dispatch in gateway.Dispatches.ReadAllAsync(cancellationToken))
            {
                if (Interaction(dispatch, seen) is not { } received) continue;
                await slots.WaitAsync(cancellationToken);
                running.RemoveAll(t => t.IsCompleted);
                running.Add(Task.Run(async () =>
                {
                    try
                    {
                        await HandleAsync(received, cancellationToken);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }, CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: let the handlers in flight finish or observe the cancellation.
        }
        await Task.WhenAll(running);
    }

    private ReceivedInteraction? Interaction(GatewayDispatch dispatch, SeenInteractions seen)
    {
        if (dispatch.EventName != "INTERACTION_CREATE")
        {
            // Events StudyBot does not use (GUILD_CREATE, new event types Discord adds, ...).
            logger.IgnoredDispatch(dispatch.EventName);
            return null;
        }
        if (!seen.TryAdd(dispatch.Data))
        {
            logger.DuplicateInteraction();
            return null;
        }
        return new ReceivedInteraction(dispatch.Data, dispatch.ReceivedAt);
    }

    private async Task HandleAsync(ReceivedInteraction received, CancellationToken cancellationToken)
    {
        try
        {
            await router.RouteAsync(received, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (AdapterStoppedException)
        {
            // Already reported once through AdapterStatus.
        }
        catch (Exception e) when (e is DiscordApiException or HttpRequestException)
        {
            logger.CouldNotAnswer(e, e.Message);
        }
        catch (Exception e)
        {
            logger.InteractionFailed(e);
        }
    }
}
