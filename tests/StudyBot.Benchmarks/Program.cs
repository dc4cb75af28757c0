using StudyBot.Benchmarks.Cases;
using StudyBot.Benchmarks.Drills;
using StudyBot.Benchmarks.Measuring;

// One command runs every benchmark (see README.md); a case name runs one part; "drills" runs the
// long reliability drills; "drill-child" is the bot side of a drill, started by the drill itself.
var what = args.Length > 0 ? args[0] : "all";
if (what == "drill-child") return await DrillChild.RunAsync(args[1..]);
Console.Error.WriteLine($"StudyBot benchmarks ({Repository.Configuration}), {Environment.ProcessorCount} cores, '{what}'");
#if DEBUG
Console.Error.WriteLine("warning: a Debug build; run with -c Release for figures worth recording");
#endif
if (what == "drills") return await DrillRunner.RunAsync();
// Issue 14: three nodes on one PostgreSQL (kill -9 of one), against the fake Discord and Slack; ~8 min.
if (what == "cluster") return await ClusterRunner.RunAsync(args.Length > 1 ? args[1] : null);

var table = new ResultTable();
if (what is "all" or "startup") await StartupBench.RunAsync(table);
if (what is "all" or "topics") await TopicBench.RunAsync(table);
// The bursts before the big database: seeding it leaves the disk busy, which skews fsync timings.
if (what is "all" or "burst") await AnswerBurstBench.RunAsync(table);
if (what is "all" or "burst-postgres") await PostgresBurstBench.RunAsync(table);
if (what is "all" or "discord") await DiscordBurstBench.RunAsync(table);
if (what is "all" or "slack") await SlackBurstBench.RunAsync(table);
if (what is "all" or "fanout" or "discord-fanout") await DiscordFanOutBench.RunAsync(table);
if (what is "all" or "fanout" or "slack-fanout") await SlackFanOutBench.RunAsync(table);
if (what is "all" or "leaderboards") await LeaderboardBench.RunAsync(table);
if (what is "all" or "leaderboards-postgres") await LeaderboardBench.RunPostgresAsync(table);
// Issue 13, spaced repetition.
if (what is "all" or "review" or "review-next") await ReviewNextBench.RunAsync(table);
if (what is "all" or "review" or "review-burst") await ReviewBurstBench.RunAsync(table);
// 10,000 reminders take ~400 s at Discord's 50 requests/s; "review-reminders-1000" is the quick version.
if (what is "all" or "review" or "review-reminders") await ReviewReminderBench.RunAsync(table);
if (what is "review-reminders-1000") await ReviewReminderBench.RunAsync(table, 1_000);
// Issue 15, the web endpoint: questions page and its queries, /metrics.
if (what is "all" or "web") await WebBench.RunAsync(table);

Console.WriteLine(table.ToMarkdown());
return table.Results.All(r => r.MeetsLimit) ? 0 : 2;
