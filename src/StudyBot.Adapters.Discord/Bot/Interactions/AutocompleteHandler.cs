using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Discord.Client.Rest;
using StudyBot.Core.Chat;
using StudyBot.Core.Text;

namespace StudyBot.Adapters.Discord.Bot.Interactions;

/// <summary>Suggests topic titles and aliases while someone types <c>/topic</c> or <c>/quiz</c>. The core answers from memory, at once.</summary>
internal sealed class AutocompleteHandler(IChatInbox inbox, DiscordApi api, ILogger<AutocompleteHandler> logger) : IInteractionHandler
{
    public const int MaxChoices = 25;

    public int Type => InteractionTypes.Autocomplete;

    public Task HandleAsync(DiscordInteraction interaction, CommandContext context, CancellationToken cancellationToken) =>
        api.AutocompleteAsync(interaction.Id, interaction.Token,
            Suggestions(interaction, context).Select(c => TextCut.ToLength(c, DiscordApi.ChoiceLength)), cancellationToken);

    private IReadOnlyList<string> Suggestions(DiscordInteraction interaction, CommandContext context)
    {
        if (CommandLineMapper.FocusedTopic(interaction.Data) is not { } text) return [];
        try
        {
            return inbox.CompleteTopic(context.Channel, text, MaxChoices);
        }
        catch (Exception e)
        {
            // An empty list still answers in time; Discord would otherwise show "loading options failed".
            logger.AutocompleteFailed(e, context.Channel);
            return [];
        }
    }
}
