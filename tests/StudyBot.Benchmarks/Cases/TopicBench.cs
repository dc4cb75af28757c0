using StudyBot.Benchmarks.Measuring;
using StudyBot.Content;
using StudyBot.Core.Content;

namespace StudyBot.Benchmarks.Cases;

/// <summary>
/// /topic lookups and autocomplete over the full AWS pack, with queries made from the pack itself
/// (titles and aliases in both languages, prefixes, typos, full-width forms, misses), beside a naive
/// case-insensitive substring scan of every name.
/// </summary>
public static class TopicBench
{
    private const int Rounds = 20;

    public static async Task RunAsync(ResultTable table)
    {
        var loaded = ContentLoader.Load(Repository.AwsPack);
        var pack = loaded.Packs.Single();
        Console.Error.WriteLine($"topics: {pack.Topics.Count} topics, {pack.Topics.Sum(t => t.Names().Count())} names");
        var queries = Queries(pack);
        var partials = Partials(pack);

        // What /topic does: search, and on a miss, suggest close names.
        var lookup = Each(queries, q => pack.TopicIndex.Search(q, 4) is { Count: > 0 } hits ? hits.Count : pack.TopicIndex.Suggest(q, 3).Count);
        var names = pack.Topics.SelectMany(t => t.Names().Select(n => (t, n))).ToArray();
        var naive = Each(queries, q => names.Where(e => e.n.Contains(q, StringComparison.OrdinalIgnoreCase)).Take(4).Count());
        table.Add(new Result($"topic lookup p99 ({queries.Count} queries × {Rounds})", lookup.P99, "ms", 0.5, true,
            "naive substring scan p99", naive.P99, $"p50 {ResultTable.Number(lookup.P50)} ms, max {ResultTable.Number(lookup.Max)} ms"));

        using var dir = new TempDirectory();
        using var bot = new BotCore(dir.File("topics.db"), Repository.AwsPack);
        var channel = BotCore.As("reader", "topics").Channel;
        var complete = Each(partials, p => bot.Inbox.CompleteTopic(channel, p, 25).Count);
        table.Add(new Result($"autocomplete p99 ({partials.Count} partials × {Rounds})", complete.P99, "ms", 0.5, true,
            "naive substring scan p99", naive.P99, $"p50 {ResultTable.Number(complete.P50)} ms, max {ResultTable.Number(complete.Max)} ms"));

        var command = new Latencies();
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var query in queries)
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                await bot.Inbox.HandleCommandAsync(BotCore.As("reader", "topics"), $"/topic {query}", default);
                if (round > 0) command.Add(System.Diagnostics.Stopwatch.GetElapsedTime(start));
            }
        }
        table.Add(new Result("/topic command p99 (through the inbox, one SQLite read)", command.P99, "ms", 0.5, true,
            "naive substring scan p99", naive.P99, $"p50 {ResultTable.Number(command.P50)} ms, max {ResultTable.Number(command.Max)} ms"));
    }

    /// <summary>Times every item, <see cref="Rounds"/> times over; the first round warms up and is dropped.</summary>
    private static Latencies Each(IReadOnlyList<string> items, Func<string, int> call)
    {
        var result = new Latencies();
        var found = 0; // kept and printed so no call can be optimised away
        for (var round = 0; round < Rounds + 1; round++)
        {
            foreach (var item in items)
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                found += call(item);
                if (round > 0) result.Add(System.Diagnostics.Stopwatch.GetElapsedTime(start));
            }
        }
        Console.Error.WriteLine($"  ({found:N0} hits)");
        return result;
    }

    private static List<string> Queries(ContentPack pack)
    {
        var names = pack.Topics.SelectMany(t => t.Names()).Distinct().ToList();
        var queries = new List<string>(names);
        queries.AddRange(names.Where(n => n.Length > 3).Select(n => n[..3]));
        queries.AddRange(names.Where(n => n.Length > 4).Select(n => n[..^2] + n[^1] + n[^2])); // a typo: last two letters swapped
        queries.AddRange(names.Take(20).Select(FullWidth));
        queries.AddRange(["kubernetes", "블록체인", "quantum ledger", "zzzz", "a", "보안 그룹 규칙과 네트워크 ACL의 차이"]);
        return queries;
    }

    private static List<string> Partials(ContentPack pack) =>
        pack.Topics.SelectMany(t => t.Names()).Distinct()
            .SelectMany(n => Enumerable.Range(1, Math.Min(6, n.Length)).Select(length => n[..length]))
            .Distinct()
            .ToList();

    private static string FullWidth(string text) =>
        new(text.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c).ToArray());
}
