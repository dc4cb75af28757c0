using System.Text.Json.Nodes;
using StudyBot.Adapters.Slack.BlockKit;
using StudyBot.Adapters.Slack.WebApi;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Interactions;

/// <summary>
/// Delivers the core's reply to a command or click that was not (or could not be) answered in the
/// envelope's ack: through the interaction's response_url, or chat.postEphemeral / chat.postMessage
/// when there is none or it failed.
/// </summary>
internal sealed class SlackResponder(SlackWebApi api, ChannelPacer pacer)
{
    /// <summary>The reply as Slack's response payload: Block Kit plus <c>response_type</c>.</summary>
    public static JsonObject Payload(ChatReply reply)
    {
        var body = BlockKitRenderer.Render(reply.Message);
        body["response_type"] = reply.Ephemeral ? "ephemeral" : "in_channel";
        return body;
    }

    public async Task RespondAsync(string? responseUrl, string channelId, string userId, ChatReply reply, JsonObject payload, CancellationToken cancellationToken)
    {
        try
        {
            if (!string.IsNullOrEmpty(responseUrl))
            {
                await api.PostToResponseUrlAsync(responseUrl, payload, cancellationToken);
                return;
            }
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException)
        {
            // Logged; fall through to the Web API.
        }

        var message = BlockKitRenderer.Render(reply.Message);
        message["channel"] = channelId;
        try
        {
            if (reply.Ephemeral)
            {
                message["user"] = userId;
                await api.CallAsync("chat.postEphemeral", message, cancellationToken);
            }
            else
            {
                await pacer.WaitTurnAsync(channelId, cancellationToken);
                await api.CallAsync("chat.postMessage", message, cancellationToken);
            }
        }
        catch (SlackApiException)
        {
            // Logged with its fix by the Web API; nothing else can reach the user.
        }
    }
}
