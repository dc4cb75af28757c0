using Microsoft.Extensions.Options;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Console;

/// <summary>Whether the terminal channel runs: when forced, or when no other chat adapter is on.</summary>
public sealed class ConsoleActivation(IOptions<ConsoleChatOptions> options, IEnumerable<ChatAdapterOn> otherAdapters)
{
    public bool IsOn { get; } = options.Value.Enabled || !otherAdapters.Any();
}
