namespace StudyBot.Benchmarks.Measuring;

/// <summary>
/// Brings a bot to its steady state before a burst is measured. The runtime compiles hot code in
/// tiers (quick JIT, then instrumented, then optimised) and each step waits until new code stops
/// appearing for a moment, so a freshly started process answers at about half the speed it reaches
/// once it has been up a while. A bot that has posted for a day is warm; the benchmark should see that bot.
/// </summary>
public static class WarmUp
{
    /// <summary>
    /// Runs warm-up rounds (each returns its rate), pausing between them so tiering can catch up,
    /// until two rounds in a row agree within 10 % or <paramref name="maxRounds"/> is reached.
    /// Returns the rates of the rounds run.
    /// </summary>
    public static async Task<IReadOnlyList<double>> UntilSteadyAsync(Func<int, Task<double>> round, int maxRounds = 8)
    {
        var rates = new List<double>();
        for (var i = 0; i < maxRounds; i++)
        {
            rates.Add(await round(i));
            Console.Error.WriteLine($"  warm-up round {i + 1}: {rates[^1]:N0}/s");
            if (rates.Count >= 3 && Math.Abs(rates[^1] - rates[^2]) <= 0.1 * rates[^2]) break;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        await Task.Delay(TimeSpan.FromSeconds(1));
        return rates;
    }

    public static string Describe(IReadOnlyList<double> rates) =>
        $"after {rates.Count} warm-up rounds ({string.Join(" → ", rates.Select(r => r.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))}/s)";
}
