using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace StudyBot;

/// <summary>Runs the bot until it stops; a start-up fault is one line on the error writer and exit code 1.</summary>
public static class BotRun
{
    public static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        try
        {
            await StudyBotHost.CreateBuilder(args).Build().RunAsync();
        }
        catch (Exception e) when (e is OptionsValidationException or InvalidOperationException)
        {
            // A setting is wrong, no content is usable or the database cannot be used: say which, without
            // a stack trace, and exit 1 so systemd or Docker does not restart into the same error.
            await error.WriteLineAsync($"StudyBot cannot start: {OneLine(e.Message)}");
            return 1;
        }
        return Environment.ExitCode;
    }

    public static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
