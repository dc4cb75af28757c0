using System.Globalization;
using System.Text;

namespace StudyBot.Benchmarks.Measuring;

/// <summary>
/// One figure of the run. <see cref="Limit"/> is the issue's target; <see cref="Baseline"/> is the
/// yardstick measured in the same run (a naive scan, raw SQLite, an empty program).
/// </summary>
/// <param name="LowerIsBetter">True for latencies and memory, false for throughput.</param>
/// <param name="Checked">False when the run's own check failed (rows lost, posts missing): a fast
/// figure from a run that dropped work meets nothing.</param>
public sealed record Result(string Case, double Measured, string Unit, double Limit, bool LowerIsBetter, string BaselineName = "", double Baseline = double.NaN, string Note = "", bool Checked = true)
{
    public bool MeetsLimit => Checked && (LowerIsBetter ? Measured <= Limit : Measured >= Limit);
}

/// <summary>Collects results and prints them as a Markdown table (pasted as is into README.md).</summary>
public sealed class ResultTable
{
    private readonly List<Result> _results = [];

    public IReadOnlyList<Result> Results => _results;

    public void Add(Result result)
    {
        _results.Add(result);
        Console.Error.WriteLine($"  {result.Case}: {Number(result.Measured)} {result.Unit} {result.Note}");
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| case | measured | limit | measured / limit | side by side (same run) | measured / side by side | verdict | notes |");
        text.AppendLine("| --- | ---: | ---: | ---: | --- | ---: | --- | --- |");
        foreach (var r in _results)
        {
            var limit = $"{(r.LowerIsBetter ? "≤" : "≥")} {Number(r.Limit)} {r.Unit}";
            var baseline = double.IsNaN(r.Baseline) ? "—" : $"{r.BaselineName}: {Number(r.Baseline)} {r.Unit}";
            var vsBaseline = double.IsNaN(r.Baseline) || r.Baseline == 0 ? "—" : Ratio(r.Measured / r.Baseline);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Case} | {Number(r.Measured)} {r.Unit} | {limit} | {Ratio(r.Measured / r.Limit)} | {baseline} | {vsBaseline} | {Verdict(r)} | {r.Note} |");
        }
        return text.ToString();
    }

    private static string Verdict(Result r) => r.MeetsLimit ? "meets" : r.Checked ? "**misses**" : "**check failed**";

    public static string Number(double value) => value switch
    {
        double.NaN => "n/a",
        >= 1000 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        >= 0.1 => value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => value.ToString("0.000", CultureInfo.InvariantCulture),
    };

    private static string Ratio(double value) => value >= 100 ? $"{value:N0}×" : value >= 0.01 ? $"{value:0.00}×" : $"{value:0.0000}×";
}
