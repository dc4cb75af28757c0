using System.Text.Json.Nodes;
using StudyBot.Adapters.Slack.Bot.BlockKit;
using StudyBot.Adapters.Slack.Client.WebApi;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Bot.Interactions;

/// <summary>Renders the core's reply to a command or click for Slack and hands it to <see cref="ReplyDelivery"/> when the ack could not carry it.</summary>
internal sealed class SlackResponder(ReplyDelivery delivery)
{
    /// <summary>The reply as Slack's response payload: Block Kit plus <c>response_type</c>.</summary>
    public static JsonObject Payload(ChatReply reply)
    {
        var body = BlockKitRenderer.Render(reply.Message);
        body["response_type"] = reply.Ephemeral ? "ephemeral" : "in_channel";
        return body;
    }

    /// <summary>Starts delivering the reply and returns at once.</summary>
    public void Send(string? responseUrl, string channelId, string userId, ChatReply reply, JsonObject payload) =>
        delivery.Send(responseUrl, channelId, userId, reply.Ephemeral, payload, () => BlockKitRenderer.Render(reply.Message));
}
