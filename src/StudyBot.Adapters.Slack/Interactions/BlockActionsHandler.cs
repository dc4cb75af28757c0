using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Slack.SocketMode;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Interactions;

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
        var kind = SlackJson.String(click, "type");
        if (kind != "block_actions")
        {
            logger.LogDebug("Acknowledged a Slack {Kind} interaction that StudyBot does not use.", kind);
            return;
        }

        var user = SlackJson.Object(click, "user");
        var container = SlackJson.Object(click, "container");
        var userId = SlackJson.String(user, "id");
        var channelId = SlackJson.String(SlackJson.Object(click, "channel"), "id") ?? SlackJson.String(container, "channel_id");
        var buttonId = SlackJson.String(SlackJson.First(click, "actions"), "action_id");
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(buttonId))
        {
            logger.LogWarning("Ignored a malformed button click (user, channel or action_id missing).");
            return;
        }

        var context = users.CachedContext(channelId, userId, SlackJson.String(user, "username") ?? SlackJson.String(user, "name"));
        var reply = await inbox.HandleButtonAsync(context, buttonId, cancellationToken);
        // The core has committed the answer: now Slack may stop redelivering.
        await envelope.TryAckAsync(null, cancellationToken);

        var payload = SlackResponder.Payload(reply);
        // A click on an ephemeral message (a practice question, the "pick a second answer" step) replaces
        // it, so its buttons cannot be clicked again; a click on the channel's question adds a private note.
        payload["replace_original"] = reply.Ephemeral && SlackJson.Bool(container, "is_ephemeral");
        responder.Send(SlackJson.String(click, "response_url"), channelId, userId, reply, payload);
    }
}
