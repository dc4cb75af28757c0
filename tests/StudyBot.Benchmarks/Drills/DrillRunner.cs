using System.Text;

namespace StudyBot.Benchmarks.Drills;

/// <summary>The long drills, one after another, as a Markdown table; the exit code says whether all passed.</summary>
public static class DrillRunner
{
    public static Task<int> RunAsync() =>
        RunAsync([KillDuringBurstDrill.RunAsync, MissedPostDrill.DownAcrossPostTimeAsync, MissedPostDrill.KilledWhilePostingAsync]);

    public static async Task<int> RunAsync(IReadOnlyList<Func<Task<DrillResult>>> drills)
    {
        var results = new List<DrillResult>();
        foreach (var drill in drills)
        {
            var result = await drill();
            Console.Error.WriteLine($"  {(result.Passed ? "passed" : "FAILED")}: {result.Drill}: {result.Details}");
            results.Add(result);
        }
        var table = new StringBuilder("| drill | result | what it saw |\n| --- | --- | --- |\n");
        foreach (var r in results) table.Append($"| {r.Drill} | {(r.Passed ? "passed" : "**FAILED**")} | {r.Details} |\n");
        Console.WriteLine(table);
        return results.All(r => r.Passed) ? 0 : 1;
    }
}
