using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Slack.Client.SocketMode;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Bot.Interactions;

/// <summary><c>/study ...</c>: runs the command line in the core and answers in the envelope's ack (or later through response_url).</summary>
internal sealed class SlashCommandHandler(
    IChatInbox inbox,
    SlackUserDirectory users,
    SlackResponder responder,
    FileDelivery files,
    SlackForms forms,
    ILogger<SlashCommandHandler> logger) : IEnvelopeHandler
{
    public string EnvelopeType => "slash_commands";

    public async Task HandleAsync(SocketEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Payload is not SlashCommandPayload command)
        {
            logger.IgnoredMalformed((envelope.Payload as MalformedPayload)?.Problem ?? "Ignored a slash command without user_id or channel_id.");
            return;
        }

        var context = await users.ContextAsync(command.ChannelId, command.UserId, command.UserName, cancellationToken);
        var line = StudyCommandText.ToCommandLine(command.Text);
        var reply = await inbox.HandleCommandAsync(context, line, cancellationToken);
        if (reply.Form is { } form)
        {
            // The trigger_id lasts 3 s: open first, then ack with nothing to show (the modal is the answer).
            if (await forms.OpenAsync(form, command.TriggerId, command.ChannelId, cancellationToken))
            {
                await envelope.TryAckAsync(null, cancellationToken);
                return;
            }
            reply = SlackForms.NotOpened(reply, context.Language);
        }
        if (reply.File is not null)
        {
            // The upload takes longer than an ack may wait: ack now, tell the member through response_url.
            await envelope.TryAckAsync(null, cancellationToken);
            reply = await files.SendAsync(context, reply, cancellationToken);
        }

        var payload = SlackResponder.Payload(reply);
        if (await envelope.TryAckAsync(payload, cancellationToken)) return;
        responder.Send(command.ResponseUrl, command.ChannelId, command.UserId, reply, payload);
    }
}
