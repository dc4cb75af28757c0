using StudyBot.Benchmarks.Cases;
using StudyBot.Benchmarks.Measuring;

// One command runs everything (see README.md); a case name runs one part.
var what = args.Length > 0 ? args[0] : "all";
var table = new ResultTable();
Console.Error.WriteLine($"StudyBot benchmarks ({Repository.Configuration}), {Environment.ProcessorCount} cores, case '{what}'");
#if DEBUG
Console.Error.WriteLine("warning: a Debug build; run with -c Release for figures worth recording");
#endif

if (what is "seed") BigDatabase.CreateOrReuse(Path.Combine(Path.GetTempPath(), "studybot-big.db"));
if (what is "all" or "startup") await StartupBench.RunAsync(table);
if (what is "all" or "topics") await TopicBench.RunAsync(table);
if (what is "all" or "leaderboards") await LeaderboardBench.RunAsync(table);
if (what is "all" or "burst") await AnswerBurstBench.RunAsync(table);

Console.WriteLine(table.ToMarkdown());
return table.Results.All(r => r.MeetsLimit) ? 0 : 2;
