using Microsoft.Extensions.Options;
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
    /// The terminal channel. It turns itself on when no other adapter is (see <see cref="ChatAdapterOn"/>;
    /// decided at start, so the order of the AddX() calls does not matter) or when StudyBot:Console:Enabled
    /// is true. Logs then go to stderr at Warning and above, so the conversation on stdout stays readable.
    /// </summary>
    public static IHostApplicationBuilder AddConsoleChat(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ConsoleChatOptions>(ConsoleChatOptions.Section);
        builder.Services.AddSingleton<ConsoleActivation>();
        builder.Services.TryAddSingleton(_ => ConsoleTerminal.System());
        builder.Services.AddSingleton<ConsoleButtons>();
        builder.Services.AddSingleton<ConsoleForms>();
        builder.Services.AddSingleton<IChatPlatform, ConsoleChatPlatform>();
        builder.Services.AddHostedService<ConsoleChatService>();
        builder.Services.AddSingleton<IConfigureOptions<ConsoleLoggerOptions>, ConsoleLogging>();
        builder.Services.AddSingleton<IConfigureOptions<LoggerFilterOptions>, ConsoleLogging>();
        return builder;
    }
}
