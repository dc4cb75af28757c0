using StudyBot.Adapters.Common;
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
    ILogger<BlockActionsHandler> logger) : IEnvelopeHandler
{
    public string EnvelopeType => "interactive";

    public async Task HandleAsync(SocketEnvelope envelope, CancellationToken cancellationToken)
    {
        var click = envelope.Payload;
        var kind = click.Text("type");
        if (kind != "block_actions")
        {
            logger.LogDebug("Acknowledged a Slack {Kind} interaction that StudyBot does not use.", kind);
            return;
        }

        var user = click.Child("user") ?? default;
        var container = click.Child("container") ?? default;
        var userId = user.Text("id");
        var channelId = (click.Child("channel") ?? default).Text("id") ?? container.Text("channel_id");
        var buttonId = (click.First("actions") ?? default).Text("action_id");
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(buttonId))
        {
            logger.LogWarning("Ignored a malformed button click (user, channel or action_id missing).");
            return;
        }

        var context = users.CachedContext(channelId, userId, user.Text("username") ?? user.Text("name"));
        var reply = await inbox.HandleButtonAsync(context, buttonId, cancellationToken);
        // The core has committed the answer: now Slack may stop redelivering.
        await envelope.TryAckAsync(null, cancellationToken);

        var payload = SlackResponder.Payload(reply);
        // A click on an ephemeral message (a practice question, the "pick a second answer" step) replaces
        // it, so its buttons cannot be clicked again; a click on the channel's question adds a private note.
        payload["replace_original"] = reply.Ephemeral && container.IsTrue("is_ephemeral");
        responder.Send(click.Text("response_url"), channelId, userId, reply, payload);
    }
}
