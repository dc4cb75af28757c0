using Microsoft.Extensions.Logging;

namespace StudyBot.Testing;

public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception)
{
    /// <summary>The message with the exception, if any: what a reader of the log would see (to look for a leaked secret).</summary>
    public string Text => Exception is null ? Message : $"{Message} {Exception}";

    public override string ToString() => $"{Level} {Category}: {Text}";
}

/// <summary>
/// The log sink of the tests: collects every log line (Trace and up) so tests can check wording,
/// wait for a line logged on another thread, and check that no secret is logged.
/// </summary>
public sealed class TestLogs : ILoggerProvider
{
    public Recorded<LogEntry> Entries { get; } = new();

    public bool Has(LogLevel level, string fragment) => Entries.Count(e => Matches(e, level, fragment)) > 0;

    /// <summary>The first entry (logged already or still to come) at that level containing the fragment; throws on timeout.</summary>
    public Task<LogEntry> WaitForAsync(LogLevel level, string fragment, TimeSpan? timeout = null) =>
        Entries.WaitForAsync(e => Matches(e, level, fragment), timeout, what: $"{level} log containing \"{fragment}\"");

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public void Dispose()
    {
    }

    private static bool Matches(LogEntry entry, LogLevel level, string fragment) =>
        entry.Level == level && entry.Text.Contains(fragment, StringComparison.OrdinalIgnoreCase);

    private sealed class Collector(TestLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Entries.Add(new LogEntry(logLevel, category, formatter(state, exception), exception));
    }
}
