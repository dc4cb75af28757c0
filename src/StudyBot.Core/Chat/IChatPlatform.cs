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

    /// <summary>
    /// Posts a daily question so that sending the same post again finds the message an earlier attempt created instead of
    /// posting a second (Discord: an enforced nonce; Slack: message metadata looked up in the channel's history).
    /// Adapters with no such means post as <see cref="PostAsync"/> does.
    /// </summary>
    Task<string> PostDailyAsync(string channelId, ChatMessage message, DailyPostSend send, CancellationToken cancellationToken) =>
        PostAsync(channelId, message, cancellationToken);

    /// <summary>Replaces a posted message. Buttons absent from <paramref name="message"/> are removed.</summary>
    Task EditAsync(string channelId, string messageId, ChatMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Sends a private message to one person (their DM with the bot), through the same rate limits as posts.
    /// <see cref="DirectMessageResult.Unreachable"/> when the platform says the person cannot be messaged
    /// (Discord 50007: DMs closed or no shared server); other failures throw.
    /// </summary>
    Task<DirectMessageResult> SendDirectAsync(string userId, ChatMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a discussion thread on a posted message (Discord: a public thread from the message, with the same id).
    /// Slack threads need no opening (any message can take replies), so there it is done at once.
    /// </summary>
    Task<ChatActionResult> OpenThreadAsync(string channelId, string messageId, string name, CancellationToken cancellationToken) =>
        Task.FromResult(ChatActionResult.NotSupported);

    /// <summary>Posts into the thread of a posted message (Discord: the thread opened by <see cref="OpenThreadAsync"/>; Slack: a <c>thread_ts</c> reply).</summary>
    Task<ChatActionResult> PostInThreadAsync(string channelId, string messageId, ChatMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(ChatActionResult.NotSupported);

    /// <summary>Pins (<paramref name="pinned"/> true) or unpins a posted message in its channel.</summary>
    Task<ChatActionResult> SetPinnedAsync(string channelId, string messageId, bool pinned, CancellationToken cancellationToken) =>
        Task.FromResult(ChatActionResult.NotSupported);

    /// <summary>
    /// Adds a member to (or removes them from) the study group that daily posts mention: a Discord role, a Slack user
    /// group. <see cref="ChatActionStatus.NotSupported"/> where a bot cannot change it (Slack without admin scopes).
    /// </summary>
    Task<ChatActionResult> SetGroupMemberAsync(string channelId, string groupId, string userId, bool member, CancellationToken cancellationToken) =>
        Task.FromResult(ChatActionResult.NotSupported);
}

public enum DirectMessageResult
{
    Sent,
    Unreachable,
}
