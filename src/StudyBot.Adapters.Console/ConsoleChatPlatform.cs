using System.Globalization;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Console;

/// <summary>
/// The console's outbound side: prints posts and edits, and remembers their buttons for letter answers. Threads, pins
/// and the study group are printed as what they would do on a real platform, so the README walk-through shows them.
/// </summary>
public sealed class ConsoleChatPlatform(ConsoleTerminal terminal, ConsoleButtons buttons, ConsoleActivation activation) : IChatPlatform
{
    public const string PlatformName = "console";
    private int _lastMessageId;

    public string Name => PlatformName;

    public bool IsEnabled => activation.IsOn;

    public Task<string> PostAsync(string channelId, ChatMessage message, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _lastMessageId).ToString(CultureInfo.InvariantCulture);
        buttons.Offer(id, message.Buttons);
        terminal.Write(ConsoleRenderer.Render(message, $"#{channelId} · message {id}"));
        return Task.FromResult(id);
    }

    public Task EditAsync(string channelId, string messageId, ChatMessage message, CancellationToken cancellationToken)
    {
        if (message.Buttons.Count == 0) buttons.Withdraw(messageId);
        else buttons.Offer(messageId, message.Buttons);
        terminal.Write(ConsoleRenderer.Render(message, $"#{channelId} · message {messageId} updated"));
        return Task.CompletedTask;
    }

    public Task<ChatActionResult> OpenThreadAsync(string channelId, string messageId, string name, CancellationToken cancellationToken)
    {
        terminal.Write($"\n🧵 thread \"{name}\" opened on message {messageId}\n");
        return Task.FromResult(ChatActionResult.Done);
    }

    public Task<ChatActionResult> PostInThreadAsync(string channelId, string messageId, ChatMessage message, CancellationToken cancellationToken)
    {
        terminal.Write(ConsoleRenderer.Render(message, $"#{channelId} · thread of message {messageId}"));
        return Task.FromResult(ChatActionResult.Done);
    }

    public Task<ChatActionResult> SetPinnedAsync(string channelId, string messageId, bool pinned, CancellationToken cancellationToken)
    {
        terminal.Write(pinned ? $"\n📌 message {messageId} pinned in #{channelId}\n" : $"\n📌 message {messageId} unpinned in #{channelId}\n");
        return Task.FromResult(ChatActionResult.Done);
    }

    public Task<ChatActionResult> SetGroupMemberAsync(string channelId, string groupId, string userId, bool member, CancellationToken cancellationToken)
    {
        terminal.Write(member ? $"\n🔔 {userId} joined study group {groupId}\n" : $"\n🔕 {userId} left study group {groupId}\n");
        return Task.FromResult(ChatActionResult.Done);
    }

    /// <summary>Printed as a DM to that user; its buttons answer by letter like any other.</summary>
    public Task<DirectMessageResult> SendDirectAsync(string userId, ChatMessage message, CancellationToken cancellationToken)
    {
        buttons.Offer(null, message.Buttons);
        terminal.Write(ConsoleRenderer.Render(message, $"direct message to {userId}"));
        return Task.FromResult(DirectMessageResult.Sent);
    }
}
