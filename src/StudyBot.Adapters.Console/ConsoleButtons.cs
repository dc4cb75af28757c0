using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Console;

/// <summary>
/// Which button each typed letter presses: the buttons most recently shown (a question, or the
/// "pick one more" step of a choose-two question), keyed as <see cref="ConsoleKeys"/> assigns them.
/// </summary>
public sealed class ConsoleButtons
{
    private readonly Lock _gate = new();
    private Dictionary<char, string> _byLetter = [];
    private string? _messageId;

    /// <param name="messageId">The posted message the buttons sit on, or null for a private reply.</param>
    public void Offer(string? messageId, IReadOnlyList<ChatButton> buttons)
    {
        if (buttons.Count == 0) return;
        lock (_gate)
        {
            _byLetter = ConsoleKeys.For(buttons).ToDictionary(k => k.Key, k => k.Button.Id);
            _messageId = messageId;
        }
    }

    /// <summary>A reply that replaces the clicked message: its buttons, or none, are what letters press now.</summary>
    public void Replace(IReadOnlyList<ChatButton> buttons)
    {
        lock (_gate)
        {
            _byLetter = ConsoleKeys.For(buttons).ToDictionary(k => k.Key, k => k.Button.Id);
            _messageId = null;
        }
    }

    /// <summary>An edit that drops a message's buttons (the reveal) ends answering it by letter.</summary>
    public void Withdraw(string messageId)
    {
        lock (_gate)
        {
            if (_messageId != messageId) return;
            _byLetter = [];
            _messageId = null;
        }
    }

    public string? Press(char letter)
    {
        lock (_gate) return _byLetter.GetValueOrDefault(char.ToUpperInvariant(letter));
    }
}
