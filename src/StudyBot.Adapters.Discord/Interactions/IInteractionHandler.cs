using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Interactions;

/// <summary>Handles one interaction type; the handlers are listed together in <see cref="DiscordSetup"/>.</summary>
public interface IInteractionHandler
{
    int Type { get; }

    Task HandleAsync(DiscordInteraction interaction, CommandContext context, CancellationToken cancellationToken);
}
