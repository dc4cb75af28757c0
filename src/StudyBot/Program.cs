using Microsoft.Extensions.Hosting;
using StudyBot;

if (args is ["content", "check", ..]) return ContentCheck.Run(args.Length > 2 ? args[2] : "content", Console.Out, Console.Error);

await StudyBotHost.CreateBuilder(args).Build().RunAsync();
return Environment.ExitCode;
