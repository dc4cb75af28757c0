using StudyBot.Adapters.Common;
using StudyBot.Adapters.Discord.Bot.Rendering;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Bot.Interactions;

/// <summary>
/// A submitted modal (interaction type 5). Discord cannot keep a modal open with errors, so a refused
/// form is answered privately with the errors and the core's "Edit and resend" button.
/// </summary>
internal sealed class ModalSubmitHandler(IChatInbox inbox, InteractionResponder responder) : IInteractionHandler
{
    public int Type => InteractionTypes.ModalSubmit;

    public Task HandleAsync(DiscordInteraction interaction, CommandContext context, CancellationToken cancellationToken) =>
        responder.RespondAsync(interaction,
            async ct => (await inbox.HandleFormAsync(context, interaction.Data.Text("custom_id") ?? "", ModalRenderer.Values(interaction.Data), ct)).Reply,
            cancellationToken);
}
