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
/// A reply that replaces a clicked private message is an update of that message (callback type 7, or
/// type 6 and then an edit when late); a reply with a file goes as multipart, and if Discord refuses
/// the file the member gets the same response without it, saying so.
/// </summary>
internal sealed class InteractionResponder(
    DiscordApi api,
    IOptions<DiscordOptions> options,
    TimeProvider clock,
    ILogger<InteractionResponder> logger)
{
    private delegate Task Send(ChatMessage message, bool ephemeral, DiscordFile? file, CancellationToken cancellationToken);

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
            await RespondLateAsync(interaction, replying, cancellationToken);
            return;
        }
        if (reply.Form is { } form && interaction.Type != InteractionTypes.ModalSubmit)
        {
            // A modal can only be the first response (never after "thinking…", never to a submitted modal).
            await api.RespondAsync(interaction.Id, interaction.Token, ModalRenderer.ModalCallback, ModalRenderer.Render(form), null, cancellationToken);
            return;
        }
        var replaces = reply.ReplacesClicked && interaction.CanReplaceClicked;
        // An update keeps the clicked message's own flags: an ephemeral message stays ephemeral.
        var type = replaces ? DiscordApi.UpdateMessage : DiscordApi.ChannelMessageWithSource;
        await SendAsync(interaction, reply, (message, ephemeral, file, ct) =>
            api.RespondAsync(interaction.Id, interaction.Token, type, MessageRenderer.Render(message, ephemeral && !replaces), file, ct), cancellationToken);
    }

    private async Task RespondLateAsync(DiscordInteraction interaction, Task<ChatReply> replying, CancellationToken cancellationToken)
    {
        var (applicationId, token) = (interaction.ApplicationId, interaction.Token);
        if (interaction.CanReplaceClicked)
        {
            // No "thinking…" message: @original is then the clicked message, which the reply may replace.
            await api.DeferUpdateAsync(interaction.Id, token, cancellationToken);
            var late = await replying;
            Send send = late.ReplacesClicked
                ? (message, _, file, ct) => api.EditOriginalResponseAsync(applicationId, token, MessageRenderer.Render(message), file, ct)
                : (message, ephemeral, file, ct) => api.CreateFollowupAsync(applicationId, token, MessageRenderer.Render(message, ephemeral), file, ct);
            await SendAsync(interaction, late, send, cancellationToken);
            return;
        }

        await api.DeferAsync(interaction.Id, token, cancellationToken);
        var reply = await replying;
        if (reply.Ephemeral)
        {
            await SendAsync(interaction, reply, (message, _, file, ct) =>
                api.EditOriginalResponseAsync(applicationId, token, MessageRenderer.Render(message), file, ct), cancellationToken);
            return;
        }
        // The edit must come first: Discord takes a follow-up sent while "thinking…" as that private answer.
        await api.EditOriginalResponseAsync(applicationId, token, MessageRenderer.Render(AdapterReplies.PostedForEveryone(interaction.Language)), cancellationToken);
        await SendAsync(interaction, reply, (message, ephemeral, file, ct) =>
            api.CreateFollowupAsync(applicationId, token, MessageRenderer.Render(message, ephemeral), file, ct), cancellationToken);
    }

    private async Task SendAsync(DiscordInteraction interaction, ChatReply reply, Send send, CancellationToken cancellationToken)
    {
        if (reply.Form is not null) reply = AdapterReplies.FormTooLate(interaction.Language);
        if (reply.File is not { } file)
        {
            await send(reply.Message, reply.Ephemeral, null, cancellationToken);
            return;
        }
        try
        {
            await send(reply.Message, reply.Ephemeral, new DiscordFile(file.FileName, file.MediaType, file.Content), cancellationToken);
        }
        catch (Exception e) when (e is DiscordApiException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // Too large (40005) or refused: the response is still owed, so it goes again without the file.
            logger.FileNotSent(e, file.FileName, file.Content.Length, e.Message);
            await send(AdapterReplies.FileNotSent(interaction.Language, file.FileName), true, null, cancellationToken);
        }
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
