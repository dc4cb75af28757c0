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

    public async Task<string> OpenAsync(string userId, CancellationToken cancellationToken)
    {
        if (_channels.TryGet(userId, out var cached)) return cached;
        var result = await api.CallFormAsync("conversations.open", SlackToken.Bot, new Dictionary<string, string> { ["users"] = userId }, cancellationToken);
        var channelId = result.Child("channel")?.Text("id") is { Length: > 0 } id
            ? id
            : throw new SlackApiException("conversations.open", "missing_channel", $"Slack opened a DM with {userId} but returned no channel id.");
        _channels.Set(userId, channelId);
        return channelId;
    }
}
