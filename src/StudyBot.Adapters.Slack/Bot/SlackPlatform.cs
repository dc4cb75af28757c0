using Microsoft.Extensions.DependencyInjection;
using StudyBot.Adapters.Common;
using StudyBot.Adapters.Slack.Bot.BlockKit;
using StudyBot.Adapters.Slack.Client.WebApi;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Bot;

/// <summary>The outbound port on Slack: chat.postMessage and chat.update with Block Kit, paced per channel.</summary>
internal sealed class SlackPlatform(SlackWebApi api, ChannelPacer pacer, DirectMessages directMessages, [FromKeyedServices(SlackPlatform.Id)] AdapterStatus status)
    : IChatPlatform
{
    /// <summary>The platform's name in channel addresses, settings and logs.</summary>
    public const string Id = SlackAdapterId.Value;

    public string Name => Id;

    /// <returns>The message's <c>ts</c>, which chat.update needs later.</returns>
    public async Task<string> PostAsync(string channelId, ChatMessage message, CancellationToken cancellationToken)
    {
        status.ThrowIfFailed();
        var body = BlockKitRenderer.RenderPost(message, channelId);
        await pacer.WaitTurnAsync(channelId, cancellationToken);
        var result = await api.CallAsync("chat.postMessage", body, cancellationToken);
        return result.TryGetProperty("ts", out var ts) && ts.GetString() is { Length: > 0 } id
            ? id
            : throw new SlackApiException("chat.postMessage", "missing_ts", $"Slack accepted a message in channel {channelId} but returned no ts, so it cannot be updated later.");
    }

    /// <summary>Replaces the message's text and blocks; buttons not in <paramref name="message"/> disappear.</summary>
    public async Task EditAsync(string channelId, string messageId, ChatMessage message, CancellationToken cancellationToken)
    {
        status.ThrowIfFailed();
        var body = BlockKitRenderer.Render(message);
        body["channel"] = channelId;
        body["ts"] = messageId;
        await pacer.WaitTurnAsync(channelId, cancellationToken);
        await api.CallAsync("chat.update", body, cancellationToken);
    }

    /// <summary>A message in the member's DM with the app, paced like posts.</summary>
    public Task<DirectMessageResult> SendDirectAsync(string userId, ChatMessage message, CancellationToken cancellationToken) =>
        directMessages.SendAsync(userId, message, cancellationToken);
}
