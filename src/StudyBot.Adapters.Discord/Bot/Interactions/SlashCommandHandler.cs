using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Bot.Interactions;

/// <summary>A slash command → the core's command line → the reply, public or ephemeral as the core says.</summary>
internal sealed class SlashCommandHandler(IChatInbox inbox, InteractionResponder responder) : IInteractionHandler
{
    public int Type => InteractionTypes.ApplicationCommand;

    public Task HandleAsync(DiscordInteraction interaction, CommandContext context, CancellationToken cancellationToken) =>
        responder.RespondAsync(interaction,
            ct => inbox.HandleCommandAsync(context, CommandLineMapper.ToCommandLine(interaction.Data, interaction.GuildId), ct),
            cancellationToken);
}
