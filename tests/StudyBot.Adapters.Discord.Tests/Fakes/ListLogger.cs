using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StudyBot.Adapters.Discord.Tests.Fakes;

/// <summary>Keeps every log line (all levels, formatted) so tests can look for a warning, or for a leaked secret.</summary>
public sealed class ListLogger : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Lines { get; } = new();

    public bool Has(LogLevel level, string fragment) =>
        Lines.Any(l => l.Level == level && l.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase));

    /// <summary>Waits (briefly) for a line logged on another thread.</summary>
    public async Task<bool> WaitForAsync(LogLevel level, string fragment)
    {
        for (var i = 0; i < 200 && !Has(level, fragment); i++) await Task.Delay(10);
        return Has(level, fragment);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ListLogger owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : " " + exception)));
    }
}
