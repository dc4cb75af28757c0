using StudyBot.Adapters.Common;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Bot.Interactions;

/// <summary>
/// A click on an answer button. The <c>custom_id</c> goes to the core verbatim: it is untrusted, and
/// the core checks it against storage (unknown, closed, another channel, answered already).
/// </summary>
internal sealed class ButtonClickHandler(IChatInbox inbox, InteractionResponder responder) : IInteractionHandler
{
    public int Type => InteractionTypes.MessageComponent;

    public Task HandleAsync(DiscordInteraction interaction, CommandContext context, CancellationToken cancellationToken) =>
        responder.RespondAsync(interaction,
            ct => inbox.HandleButtonAsync(context, interaction.Data.Text("custom_id") ?? "", ct),
            cancellationToken);
}
