namespace StudyBot.Core.Chat;

/// <summary>
/// The outbound port every chat adapter implements: post and edit messages in a channel.
/// Inbound events reach the core through <see cref="IChatInbox"/>.
/// </summary>
public interface IChatPlatform
{
    /// <summary>The platform name used in <see cref="ChannelAddress.Platform"/>.</summary>
    string Name { get; }

    /// <summary>False for an adapter that is registered but stays off in this process (the console when another adapter runs).</summary>
    bool IsEnabled => true;

    /// <summary>Posts a message to a channel and returns the platform's id for it (Discord message id, Slack ts).</summary>
    Task<string> PostAsync(string channelId, ChatMessage message, CancellationToken cancellationToken);

    /// <summary>Replaces a posted message. Buttons absent from <paramref name="message"/> are removed.</summary>
    Task EditAsync(string channelId, string messageId, ChatMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Sends a private message to one person (their DM with the bot), through the same rate limits as posts.
    /// <see cref="DirectMessageResult.Unreachable"/> when the platform says the person cannot be messaged
    /// (Discord 50007: DMs closed or no shared server); other failures throw.
    /// </summary>
    Task<DirectMessageResult> SendDirectAsync(string userId, ChatMessage message, CancellationToken cancellationToken);
}

public enum DirectMessageResult
{
    Sent,
    Unreachable,
}
