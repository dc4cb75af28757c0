using StudyBot;

if (args is ["healthcheck", ..]) return await HealthCheckCommand.RunAsync(args.Length > 1 ? args[1] : null, Console.Out, Console.Error);
if (args is ["content", "check", ..]) return ContentCheck.Run(args.Length > 2 ? args[2] : "content", Console.Out, Console.Error);
if (args is ["content", "report", ..]) return await ContentReport.RunAsync(args[2..], Console.Out, Console.Error);
if (args is ["content", "export-suggestions", ..]) return await SuggestionExport.RunAsync(args[2..], Console.Out, Console.Error);
if (args is ["migrate", ..]) return await MigrateCommand.RunAsync(args[1..], Console.Out, Console.Error);
if (args is ["storage", "copy", ..]) return await StorageCopyCommand.RunAsync(args[2..], Console.Out, Console.Error);

return await BotRun.RunAsync(args, Console.Error);
