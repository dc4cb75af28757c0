using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace StudyBot.Adapters.Console;

/// <summary>While the console channel is on, logs go to stderr at Warning and above, so the conversation on stdout stays readable.</summary>
public sealed class ConsoleLogging(ConsoleActivation activation) : IConfigureOptions<ConsoleLoggerOptions>, IConfigureOptions<LoggerFilterOptions>
{
    public void Configure(ConsoleLoggerOptions options)
    {
        if (activation.IsOn) options.LogToStandardErrorThreshold = LogLevel.Trace;
    }

    public void Configure(LoggerFilterOptions options)
    {
        if (activation.IsOn) options.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
    }
}
