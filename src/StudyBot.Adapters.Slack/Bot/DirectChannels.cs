using Microsoft.Extensions.Options;
using StudyBot.Adapters.Common;
using StudyBot.Adapters.Slack.Client.WebApi;

namespace StudyBot.Adapters.Slack.Bot;

/// <summary>
/// The bot's DM channel (D…) with each user, opened with conversations.open (scope im:write) and remembered:
/// reminders and file uploads need a channel id, and conversations.open is a Tier 3 method.
/// </summary>
internal sealed class DirectChannels(SlackWebApi api, IOptions<SlackOptions> options)
{
    private readonly BoundedCache<string, string> _channels = new(options.Value.DirectChannelCacheSize);

    /// <param name="handledErrors">Error codes the caller reports itself (see <see cref="SlackWebApi.CallFormAsync"/>).</param>
    public async Task<string> OpenAsync(string userId, CancellationToken cancellationToken, IReadOnlySet<string>? handledErrors = null)
    {
        if (_channels.TryGet(userId, out var cached)) return cached;
        var result = await api.CallFormAsync("conversations.open", SlackToken.Bot, new Dictionary<string, string> { ["users"] = userId }, cancellationToken,
            handledErrors: handledErrors);
        var channelId = result.Child("channel")?.Text("id") is { Length: > 0 } id
            ? id
            : throw new SlackApiException("conversations.open", "missing_channel", $"Slack opened a DM with {userId} but returned no channel id.");
        _channels.Set(userId, channelId);
        return channelId;
    }
}
