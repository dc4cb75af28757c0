using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Console;

/// <summary>
/// The letter typed for each button. A choice ("B. In one Availability Zone") is its letter; any other
/// button gets the initial of one of its words, last word first ("That was hard" → H, "That was easy" → E),
/// or the first free letter: labels can share a first letter, and a Korean label has no letter to type.
/// </summary>
internal static class ConsoleKeys
{
    public static IReadOnlyList<(char Key, ChatButton Button)> For(IReadOnlyList<ChatButton> buttons)
    {
        var taken = new HashSet<char>(buttons.Select(ChoiceLetter).OfType<char>());
        var keys = new List<(char, ChatButton)>(buttons.Count);
        foreach (var button in buttons)
        {
            if (ChoiceLetter(button) is { } letter)
            {
                keys.Add((letter, button));
                continue;
            }
            var initials = button.Label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Reverse()
                .Select(word => char.ToUpperInvariant(word[0])).Where(char.IsAsciiLetterUpper);
            // Past 26 buttons nothing is free; such a button is shown but cannot be typed.
            var key = initials.Concat(Alphabet).FirstOrDefault(c => !taken.Contains(c));
            if (key == default) continue;
            taken.Add(key);
            keys.Add((key, button));
        }
        return keys;
    }

    /// <summary>Whether the button is a choice, shown with its letter already.</summary>
    public static bool IsChoice(ChatButton button) => ChoiceLetter(button) is not null;

    private static IEnumerable<char> Alphabet => Enumerable.Range('A', 26).Select(c => (char)c);

    private static char? ChoiceLetter(ChatButton button) =>
        button.Label is [var letter, '.', ..] && char.IsAsciiLetter(letter) ? char.ToUpperInvariant(letter) : null;
}
