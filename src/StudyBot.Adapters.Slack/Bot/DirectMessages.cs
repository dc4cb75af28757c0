using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Common;
using StudyBot.Adapters.Slack.Bot.BlockKit;
using StudyBot.Adapters.Slack.Client.WebApi;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Bot;

/// <summary>
/// A message in the member's DM with the app: conversations.open, then chat.postMessage to that D… channel with
/// the same per-channel and workspace pacing as daily questions. Errors that say this person cannot be messaged
/// make them unreachable, logged once per member as information (an expected outcome, not a refusal to fix);
/// anything else (a missing scope, a Slack outage) throws.
/// </summary>
internal sealed class DirectMessages(
    SlackWebApi api,
    DirectChannels channels,
    ChannelPacer pacer,
    [FromKeyedServices(SlackAdapterId.Value)] AdapterStatus status,
    IOptions<SlackOptions> options,
    ILogger<DirectMessages> logger)
{
    private static readonly HashSet<string> UnreachableErrors = new(StringComparer.Ordinal)
    {
        "cannot_dm_bot", "user_not_found", "user_disabled", "user_not_visible", "not_in_channel", "channel_not_found", "is_archived",
    };

    private readonly BoundedCache<string, bool> _reportedUnreachable = new(options.Value.DirectChannelCacheSize);

    public static bool MeansUnreachable(string error) => UnreachableErrors.Contains(error);

    public async Task<DirectMessageResult> SendAsync(string userId, ChatMessage message, CancellationToken cancellationToken)
    {
        status.ThrowIfFailed();
        try
        {
            var channelId = await channels.OpenAsync(userId, cancellationToken, UnreachableErrors);
            var body = BlockKitRenderer.RenderPost(message, channelId);
            await pacer.WaitTurnAsync(channelId, cancellationToken);
            await api.CallAsync("chat.postMessage", body, cancellationToken, UnreachableErrors);
            return DirectMessageResult.Sent;
        }
        catch (SlackApiException e) when (MeansUnreachable(e.Error))
        {
            if (_reportedUnreachable.Set(userId, true)) logger.DirectMessagesClosed(userId, e.Method, e.Error);
            return DirectMessageResult.Unreachable;
        }
    }
}
