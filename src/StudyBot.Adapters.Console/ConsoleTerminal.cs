namespace StudyBot.Adapters.Console;

/// <summary>
/// The terminal's input and output, swappable for in-memory streams in tests. Writes are serialized:
/// scheduled posts arrive from Quartz threads while the user types.
/// </summary>
public sealed class ConsoleTerminal(TextReader input, TextWriter output)
{
    private readonly Lock _gate = new();

    public TextReader Input { get; } = input;

    public void Write(string text)
    {
        lock (_gate)
        {
            output.Write(text);
            output.Flush();
        }
    }

    public static ConsoleTerminal System() => new(global::System.Console.In, global::System.Console.Out);
}
