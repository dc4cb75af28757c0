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

    /// <summary>Users whose DMs are closed: sending to them answers <see cref="DirectMessageResult.Unreachable"/>.</summary>
    public ConcurrentDictionary<string, bool> UnreachableUsers { get; } = new(StringComparer.Ordinal);

    public Task<string> PostAsync(string channelId, ChatMessage message, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _lastId).ToString(CultureInfo.InvariantCulture);
        Posts.Enqueue((channelId, id, message));
        return Task.FromResult(id);
    }

    public Task EditAsync(string channelId, string messageId, ChatMessage message, CancellationToken cancellationToken)
    {
        Edits.Enqueue((channelId, messageId, message));
        return Task.CompletedTask;
    }

    public Task<DirectMessageResult> SendDirectAsync(string userId, ChatMessage message, CancellationToken cancellationToken)
    {
        if (UnreachableUsers.ContainsKey(userId)) return Task.FromResult(DirectMessageResult.Unreachable);
        DirectMessages.Enqueue((userId, message));
        return Task.FromResult(DirectMessageResult.Sent);
    }
}
