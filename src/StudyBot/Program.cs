using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StudyBot;

if (args is ["healthcheck", ..]) return await HealthCheckCommand.RunAsync(args.Length > 1 ? args[1] : null, Console.Out, Console.Error);
if (args is ["content", "check", ..]) return ContentCheck.Run(args.Length > 2 ? args[2] : "content", Console.Out, Console.Error);
if (args is ["content", "report", ..]) return await ContentReport.RunAsync(args[2..], Console.Out, Console.Error);
if (args is ["content", "export-suggestions", ..]) return await SuggestionExport.RunAsync(args[2..], Console.Out, Console.Error);

try
{
    await StudyBotHost.CreateBuilder(args).Build().RunAsync();
}
catch (Exception e) when (e is OptionsValidationException or InvalidOperationException)
{
    // A setting is wrong or no content is usable: say which, without a stack trace, and exit 1 so
    // systemd or Docker does not restart into the same error.
    Console.Error.WriteLine($"StudyBot cannot start: {e.Message}");
    return 1;
}
return Environment.ExitCode;
