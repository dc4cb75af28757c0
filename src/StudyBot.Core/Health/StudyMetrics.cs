using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace StudyBot.Core.Health;

/// <summary>
/// The core's and storage's instruments on one static <see cref="Meter"/> named "StudyBot"
/// (System.Diagnostics.Metrics, no package): recording costs nothing until an exporter listens,
/// so the host turns on Prometheus with one line and the code never knows it.
/// </summary>
public static class StudyMetrics
{
    public const string MeterName = "StudyBot";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> AnswersRecorded =
        Meter.CreateCounter<long>("studybot.answers.recorded", "{answer}", "Answers to daily questions committed to the database.");

    public static readonly Counter<long> PostsSent =
        Meter.CreateCounter<long>("studybot.posts.sent", "{post}", "Daily questions posted to a channel.");

    public static readonly Histogram<double> CommandDuration =
        Meter.CreateHistogram("studybot.command.duration", "s", "Time from a command or click reaching the core to its reply.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    public static readonly Histogram<long> GroupCommitBatchSize =
        Meter.CreateHistogram("studybot.storage.group_commit.batch_size", "{write}", "Writes that shared one storage commit (SQLite or PostgreSQL).",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] });

    // The host's readings, added while its metrics exporter runs (several hosts share this meter in tests).
    private static readonly ConcurrentDictionary<ReviewsDueReading, byte> ReviewsDueReadings = new();

    private static readonly ObservableGauge<long> ReviewsDue =
        Meter.CreateObservableGauge("studybot.reviews.due", ObserveReviewsDue, "{card}",
            "Review cards of all members due now, retired cards left out (counted on every scrape from a due-hour tally).");

    /// <summary>Reports <paramref name="reading"/> as the reviews-due gauge until the returned handle is disposed.</summary>
    public static IDisposable TrackReviewsDue(ReviewsDueReading reading)
    {
        ReviewsDueReadings.TryAdd(reading, 0);
        return new Untrack(reading);
    }

    private static IEnumerable<Measurement<long>> ObserveReviewsDue() =>
        ReviewsDueReadings.IsEmpty ? [] : [new Measurement<long>(ReviewsDueReadings.Keys.Sum(r => r.Current()))];

    private sealed class Untrack(ReviewsDueReading reading) : IDisposable
    {
        public void Dispose() => ReviewsDueReadings.TryRemove(reading, out _);
    }

    /// <summary>Times one command until disposed: <c>using var timing = StudyMetrics.TimeCommand("stats");</c>. The name is a known command, so the label stays bounded.</summary>
    public static CommandTiming TimeCommand(string command) => new(command, System.Diagnostics.Stopwatch.GetTimestamp());

    public readonly struct CommandTiming(string command, long started) : IDisposable
    {
        public void Dispose() => CommandDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,
            new KeyValuePair<string, object?>("command", command));
    }
}
