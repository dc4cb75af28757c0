using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Common;
using StudyBot.Adapters.Discord.Bot.Rendering;
using StudyBot.Adapters.Discord.Client.Rest;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Bot;

/// <summary>
/// A message to one person: their DM channel is opened once (<c>POST /users/@me/channels</c>) and remembered,
/// then the message is posted there like any other, through the same rate limits. Discord's 50007 ("Cannot send
/// messages to this user": DMs closed, or no server shared with the bot) and 10013 (unknown user) mean unreachable,
/// logged once per user.
/// </summary>
internal sealed class DirectMessages(DiscordApi api, IOptions<DiscordOptions> options, ILogger<DirectMessages> logger)
{
    public const int CannotSendToUser = 50007;
    public const int UnknownUser = 10013;

    private readonly BoundedCache<string, string> _channels = new(options.Value.DirectChannelCacheSize);
    private readonly BoundedCache<string, bool> _reportedUnreachable = new(options.Value.DirectChannelCacheSize);

    public async Task<DirectMessageResult> SendAsync(string userId, ChatMessage message, CancellationToken cancellationToken)
    {
        try
        {
            if (!_channels.TryGet(userId, out var channelId))
            {
                channelId = await api.CreateDirectChannelAsync(userId, cancellationToken);
                _channels.Set(userId, channelId);
            }
            await api.CreateMessageAsync(channelId, MessageRenderer.Render(message), cancellationToken);
            return DirectMessageResult.Sent;
        }
        catch (DiscordApiException e) when (e.Code is CannotSendToUser or UnknownUser)
        {
            if (_reportedUnreachable.Set(userId, true)) logger.DirectMessagesClosed(userId);
            return DirectMessageResult.Unreachable;
        }
    }
}
