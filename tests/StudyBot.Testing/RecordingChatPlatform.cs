using System.Collections.Concurrent;
using System.Globalization;
using StudyBot.Core.Chat;

namespace StudyBot.Testing;

/// <summary>An in-memory chat platform that records what the core posts and edits.</summary>
public sealed class RecordingChatPlatform(string name = "test") : IChatPlatform
{
    private int _lastId;

    public string Name { get; } = name;
    public ConcurrentQueue<(string ChannelId, string MessageId, ChatMessage Message)> Posts { get; } = new();
    public ConcurrentQueue<(string ChannelId, string MessageId, ChatMessage Message)> Edits { get; } = new();
    public ConcurrentQueue<(string UserId, ChatMessage Message)> DirectMessages { get; } = new();

    /// <summary>Threads opened: channel, message and the thread's name.</summary>
    public ConcurrentQueue<(string ChannelId, string MessageId, string Name)> Threads { get; } = new();

    /// <summary>Messages posted into a message's thread.</summary>
    public ConcurrentQueue<(string ChannelId, string MessageId, ChatMessage Message)> ThreadPosts { get; } = new();

    /// <summary>Pins and unpins, in order.</summary>
    public ConcurrentQueue<(string ChannelId, string MessageId, bool Pinned)> PinChanges { get; } = new();

    /// <summary>Study-group joins and leaves, in order.</summary>
    public ConcurrentQueue<(string GroupId, string UserId, bool Member)> GroupChanges { get; } = new();

    /// <summary>Extras the bot may not do here, by name ("thread", "thread post", "pin", "group"): answered as missing that permission.</summary>
    public ConcurrentDictionary<string, string> Refused { get; } = new(StringComparer.Ordinal);

    /// <summary>Users whose DMs are closed: sending to them answers <see cref="DirectMessageResult.Unreachable"/>.</summary>
    public ConcurrentDictionary<string, bool> UnreachableUsers { get; } = new(StringComparer.Ordinal);

    public Task<string> PostAsync(string channelId, ChatMessage message, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _lastId).ToString(CultureInfo.InvariantCulture);
        Posts.Enqueue((channelId, id, message));
        return Task.FromResult(id);
    }

    /// <summary>The post and attempt each daily post was sent as (its message is in <see cref="Posts"/> too).</summary>
    public ConcurrentQueue<DailyPostSend> DailySends { get; } = new();

    public Task<string> PostDailyAsync(string channelId, ChatMessage message, DailyPostSend send, CancellationToken cancellationToken)
    {
        DailySends.Enqueue(send);
        return PostAsync(channelId, message, cancellationToken);
    }

    public Task EditAsync(string channelId, string messageId, ChatMessage message, CancellationToken cancellationToken)
    {
        Edits.Enqueue((channelId, messageId, message));
        return Task.CompletedTask;
    }

    public Task<ChatActionResult> OpenThreadAsync(string channelId, string messageId, string name, CancellationToken cancellationToken) =>
        Act("thread", () => Threads.Enqueue((channelId, messageId, name)));

    public Task<ChatActionResult> PostInThreadAsync(string channelId, string messageId, ChatMessage message, CancellationToken cancellationToken) =>
        Act("thread post", () => ThreadPosts.Enqueue((channelId, messageId, message)));

    public Task<ChatActionResult> SetPinnedAsync(string channelId, string messageId, bool pinned, CancellationToken cancellationToken) =>
        Act("pin", () => PinChanges.Enqueue((channelId, messageId, pinned)));

    public Task<ChatActionResult> SetGroupMemberAsync(string channelId, string groupId, string userId, bool member, CancellationToken cancellationToken) =>
        Act("group", () => GroupChanges.Enqueue((groupId, userId, member)));

    private Task<ChatActionResult> Act(string name, Action record)
    {
        if (Refused.TryGetValue(name, out var needed)) return Task.FromResult(ChatActionResult.Missing(needed));
        record();
        return Task.FromResult(ChatActionResult.Done);
    }

    public Task<DirectMessageResult> SendDirectAsync(string userId, ChatMessage message, CancellationToken cancellationToken)
    {
        if (UnreachableUsers.ContainsKey(userId)) return Task.FromResult(DirectMessageResult.Unreachable);
        DirectMessages.Enqueue((userId, message));
        return Task.FromResult(DirectMessageResult.Sent);
    }
}
