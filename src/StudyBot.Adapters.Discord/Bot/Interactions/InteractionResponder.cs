using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Discord.Bot.Rendering;
using StudyBot.Adapters.Discord.Client.Rest;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Bot.Interactions;

/// <summary>
/// Gives every interaction its first response within Discord's 3 s, counted from receipt: the
/// core's reply when it comes in time, otherwise an ephemeral "thinking…" (deferred response)
/// followed by an edit of that original response once the core has answered. A deferred response
/// cannot turn public, so a slow public reply goes out as a follow-up after the edit.
/// </summary>
internal sealed class InteractionResponder(
    DiscordApi api,
    IOptions<DiscordOptions> options,
    TimeProvider clock,
    ILogger<InteractionResponder> logger)
{
    public async Task RespondAsync(DiscordInteraction interaction, Func<CancellationToken, Task<ChatReply>> work, CancellationToken cancellationToken)
    {
        var replying = ReplySafelyAsync(interaction, work, cancellationToken);
        var left = options.Value.DeferAfter - clock.GetElapsedTime(interaction.ReceivedAt);
        ChatReply reply;
        try
        {
            reply = await replying.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, clock, cancellationToken);
        }
        catch (TimeoutException)
        {
            await api.DeferAsync(interaction.Id, interaction.Token, cancellationToken);
            reply = await replying;
            if (reply.Ephemeral)
            {
                await api.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, MessageRenderer.Render(reply.Message), cancellationToken);
                return;
            }
            // The edit must come first: Discord takes a follow-up sent while "thinking…" as that private answer.
            await api.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, MessageRenderer.Render(AdapterReplies.PostedForEveryone(interaction.Language)), cancellationToken);
            await api.CreateFollowupAsync(interaction.ApplicationId, interaction.Token, MessageRenderer.Render(reply.Message, reply.Ephemeral), cancellationToken);
            return;
        }
        await api.RespondAsync(interaction.Id, interaction.Token, MessageRenderer.Render(reply.Message, reply.Ephemeral), cancellationToken);
    }

    private async Task<ChatReply> ReplySafelyAsync(DiscordInteraction interaction, Func<CancellationToken, Task<ChatReply>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await work(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.ReplyFailed(e, interaction.Id, interaction.Type, interaction.ChannelId);
            return AdapterReplies.Failed(interaction.Language);
        }
    }
}
