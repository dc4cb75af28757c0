using System.Globalization;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Console;

/// <summary>The console's outbound side: prints posts and edits, and remembers their buttons for letter answers.</summary>
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

    /// <summary>Printed as a DM to that user; its buttons answer by letter like any other.</summary>
    public Task<DirectMessageResult> SendDirectAsync(string userId, ChatMessage message, CancellationToken cancellationToken)
    {
        buttons.Offer(null, message.Buttons);
        terminal.Write(ConsoleRenderer.Render(message, $"direct message to {userId}"));
        return Task.FromResult(DirectMessageResult.Sent);
    }
}
