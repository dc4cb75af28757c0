using Microsoft.Extensions.Logging;

namespace StudyBot.Adapters.Slack.Tests.Fakes;

public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message}";
}

/// <summary>Collects every log line (Trace and up) so tests can check wording and that no secret is logged.</summary>
public sealed class TestLogs : ILoggerProvider
{
    public Recorded<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public Task<LogEntry> WaitForAsync(LogLevel level, string fragment) =>
        Entries.WaitForAsync(e => e.Level == level && e.Message.Contains(fragment, StringComparison.Ordinal), what: $"{level} log containing \"{fragment}\"");

    public void Dispose()
    {
    }

    private sealed class Collector(TestLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Entries.Add(new LogEntry(logLevel, category, formatter(state, exception), exception));
    }
}
