using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Bot.Interactions;

/// <summary>Handles one interaction type; the handlers are listed together in <see cref="DiscordSetup"/>.</summary>
internal interface IInteractionHandler
{
    int Type { get; }

    Task HandleAsync(DiscordInteraction interaction, CommandContext context, CancellationToken cancellationToken);
}
