using Microsoft.Extensions.Logging;

namespace StudyBot.Adapters.Discord.Bot.Interactions;

/// <summary>Sends each interaction to the handler of its type; anything else still gets an answer within the deadline.</summary>
internal sealed class InteractionRouter(
    IEnumerable<IInteractionHandler> handlers,
    InteractionResponder responder,
    ILogger<InteractionRouter> logger)
{
    private readonly Dictionary<int, IInteractionHandler> _byType = handlers.ToDictionary(h => h.Type);

    public Task RouteAsync(ReceivedInteraction received, CancellationToken cancellationToken)
    {
        if (DiscordInteraction.TryParse(received) is not { } interaction)
        {
            // Without an id, token or user there is nothing to answer to.
            logger.DroppedInteraction();
            return Task.CompletedTask;
        }
        if (interaction.Context is { } context && _byType.TryGetValue(interaction.Type, out var handler))
            return handler.HandleAsync(interaction, context, cancellationToken);

        logger.UnsupportedInteraction(interaction.Type);
        return responder.RespondAsync(interaction, _ => Task.FromResult(AdapterReplies.Unsupported(interaction.Language)), cancellationToken);
    }
}
