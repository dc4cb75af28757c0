using Microsoft.Extensions.Hosting;
using StudyBot;
using StudyBot.Adapters.Console;
using StudyBot.Content;
using StudyBot.Core;
using StudyBot.Scheduling;
using StudyBot.Storage.Sqlite;

if (args is ["content", "check", ..]) return ContentCheck.Run(args.Length > 2 ? args[2] : "content", Console.Out, Console.Error);

// appsettings.json ships beside the binary; relative paths in it (content/, data/) start at the working directory.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddStudyCore()
    .AddStudyContent()
    .AddSqliteStorage()
    .AddStudyScheduling()
    .AddConsoleChat();

await builder.Build().RunAsync();
return Environment.ExitCode;
