using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using StudyBot.Core.Chat;
using StudyBot.Core;

namespace StudyBot.Adapters.Console;

public static class ConsoleChatSetup
{
    /// <summary>
    /// The terminal channel. Call it after the other adapters: it turns itself on when none of them
    /// is configured (or when StudyBot:Console:Enabled is true). Logs then go to stderr at Warning
    /// and above, so the conversation on stdout stays readable.
    /// </summary>
    public static IHostApplicationBuilder AddConsoleChat(this IHostApplicationBuilder builder)
    {
        var forced = builder.Configuration.GetValue<bool>($"{ConsoleChatOptions.Section}:Enabled");
        var otherAdapter = builder.Services.Any(s => s.ServiceType == typeof(IChatPlatform));
        if (otherAdapter && !forced) return builder;

        builder.AddValidatedOptions<ConsoleChatOptions>(ConsoleChatOptions.Section);
        builder.Services.TryAddSingleton(_ => ConsoleTerminal.System());
        builder.Services.AddSingleton<ConsoleButtons>();
        builder.Services.AddSingleton<IChatPlatform, ConsoleChatPlatform>();
        builder.Services.AddHostedService<ConsoleChatService>();
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        return builder;
    }
}
