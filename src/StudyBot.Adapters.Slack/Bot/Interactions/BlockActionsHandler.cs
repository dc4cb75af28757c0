using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Slack.Client.SocketMode;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Bot.Interactions;

/// <summary>
/// A click on one of the bot's buttons: the action_id goes to the core verbatim (it checks it), the
/// envelope is acked once the answer is committed, and the reply is shown only to the clicker.
/// </summary>
internal sealed class BlockActionsHandler(
    IChatInbox inbox,
    SlackUserDirectory users,
    SlackResponder responder,
    FileDelivery files,
    SlackForms forms,
    ILogger<BlockActionsHandler> logger) : IEnvelopeHandler
{
    public string EnvelopeType => "interactive";

    public async Task HandleAsync(SocketEnvelope envelope, CancellationToken cancellationToken)
    {
        switch (envelope.Payload)
        {
            case BlockActionsPayload click:
                await HandleClickAsync(envelope, click, cancellationToken);
                break;
            case ViewSubmissionPayload submission:
                await forms.SubmitAsync(envelope, submission, cancellationToken);
                break;
            case MalformedPayload malformed:
                logger.IgnoredMalformed(malformed.Problem);
                break;
            case UnusedPayload unused:
                logger.UnusedInteraction(unused.Kind);
                break;
        }
    }

    private async Task HandleClickAsync(SocketEnvelope envelope, BlockActionsPayload click, CancellationToken cancellationToken)
    {
        var context = users.CachedContext(click.ChannelId, click.UserId, click.UserName);
        var reply = await inbox.HandleButtonAsync(context, click.ActionId, cancellationToken);
        if (reply.Form is { } form)
        {
            var opened = await forms.OpenAsync(form, click.TriggerId, click.ChannelId, cancellationToken);
            await envelope.TryAckAsync(null, cancellationToken);
            if (opened) return;
            reply = SlackForms.NotOpened(reply, context.Language);
        }
        // The core has committed the answer: now Slack may stop redelivering.
        await envelope.TryAckAsync(null, cancellationToken);
        if (reply.File is not null) reply = await files.SendAsync(context, reply, cancellationToken);

        var payload = SlackResponder.Payload(reply);
        // A click on an ephemeral message (a practice question, the "pick a second answer" step) replaces
        // it, so its buttons cannot be clicked again; a click on the channel's question adds a private note.
        // A reply that replaces the clicked message may also replace the bot's own DM (a reminder), never a channel's question.
        payload["replace_original"] = reply.ReplacesClicked
            ? click.OnEphemeralMessage || click.InDirectMessage
            : reply.Ephemeral && click.OnEphemeralMessage;
        responder.Send(click.ResponseUrl, click.ChannelId, click.UserId, reply, payload);
    }
}
