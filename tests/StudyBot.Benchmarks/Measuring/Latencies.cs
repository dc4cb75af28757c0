using System.Diagnostics;

namespace StudyBot.Benchmarks.Measuring;

/// <summary>Durations of many calls, in milliseconds, with the percentiles the targets are written in.</summary>
public sealed class Latencies
{
    private readonly List<double> _ms = [];
    private readonly Lock _gate = new();

    public int Count => _ms.Count;

    public void Add(TimeSpan elapsed)
    {
        lock (_gate) _ms.Add(elapsed.TotalMilliseconds);
    }

    public void AddTicks(long stopwatchTicks) => Add(Stopwatch.GetElapsedTime(0, stopwatchTicks));

    public double Percentile(double p)
    {
        lock (_gate)
        {
            if (_ms.Count == 0) return double.NaN;
            var sorted = _ms.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }

    public double P50 => Percentile(50);
    public double P99 => Percentile(99);

    public double Max
    {
        get
        {
            lock (_gate) return _ms.Count == 0 ? double.NaN : _ms.Max();
        }
    }

    /// <summary>Times <paramref name="call"/> <paramref name="iterations"/> times after a warm-up, one call at a time.</summary>
    public static async Task<Latencies> OfAsync(int warmup, int iterations, Func<Task> call)
    {
        for (var i = 0; i < warmup; i++) await call();
        var result = new Latencies();
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call();
            result.Add(Stopwatch.GetElapsedTime(start));
        }
        return result;
    }

    public static Latencies Of(int warmup, int iterations, Action call) =>
        OfAsync(warmup, iterations, () =>
        {
            call();
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
}
