using System.Text;
using System.Threading.Channels;

namespace StudyBot.Web.Tests;

/// <summary>Console streams in memory: the test types lines and waits for output, as a user at the terminal would.</summary>
internal sealed class TypedTerminal
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();

    public TextReader Input => new LineReader(_lines.Reader);
    public TextWriter Output => new Writer(this);

    public void Type(params string[] lines)
    {
        foreach (var line in lines) _lines.Writer.TryWrite(line);
    }

    public async Task WaitFor(string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            lock (_gate)
                if (_text.ToString().Contains(text, StringComparison.Ordinal)) return;
            await Task.Delay(25);
        }
        lock (_gate) throw new TimeoutException($"'{text}' did not appear. Output so far:\n{_text}");
    }

    private sealed class LineReader(ChannelReader<string> lines) : TextReader
    {
        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) =>
            await lines.WaitToReadAsync(cancellationToken) && lines.TryRead(out var line) ? line : null;
    }

    private sealed class Writer(TypedTerminal terminal) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (terminal._gate) terminal._text.Append(value);
        }

        public override void Write(string? value)
        {
            lock (terminal._gate) terminal._text.Append(value);
        }
    }
}
