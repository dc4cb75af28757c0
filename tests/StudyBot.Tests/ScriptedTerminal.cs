using System.Text;
using System.Threading.Channels;

namespace StudyBot.Tests;

/// <summary>
/// In-memory console streams: lines are typed from the test, output is collected and can be waited
/// on. Completing the input is the end of input (like closing a pipe).
/// </summary>
internal sealed class ScriptedTerminal : IDisposable
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly Output _output = new();

    public TextReader Input => new LineReader(_lines.Reader);
    public TextWriter OutputWriter => _output;
    public string Text => _output.Snapshot();

    public void Type(params string[] lines)
    {
        foreach (var line in lines) _lines.Writer.TryWrite(line);
    }

    public void EndInput() => _lines.Writer.TryComplete();

    public void Dispose() => _output.Dispose();

    /// <summary>Waits until the output holds <paramref name="text"/> after position <paramref name="from"/>; returns where it ends.</summary>
    public async Task<int> WaitFor(string text, int from = 0, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var snapshot = _output.Snapshot();
            var at = snapshot.IndexOf(text, Math.Min(from, snapshot.Length), StringComparison.Ordinal);
            if (at >= 0) return at + text.Length;
            await Task.Delay(25);
        }
        throw new TimeoutException($"'{text}' did not appear. Output so far:\n{_output.Snapshot()}");
    }

    private sealed class LineReader(ChannelReader<string> lines) : TextReader
    {
        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) =>
            await lines.WaitToReadAsync(cancellationToken) && lines.TryRead(out var line) ? line : null;
    }

    private sealed class Output : TextWriter
    {
        private readonly StringBuilder _text = new();
        private readonly Lock _gate = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_gate) _text.Append(value);
        }

        public override void Write(string? value)
        {
            lock (_gate) _text.Append(value);
        }

        public string Snapshot()
        {
            lock (_gate) return _text.ToString();
        }
    }
}
