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
        Meter.CreateHistogram("studybot.storage.group_commit.batch_size", "{write}", "Writes that shared one SQLite commit.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] });

    /// <summary>Times one command until disposed: <c>using var timing = StudyMetrics.TimeCommand("stats");</c>. The name is a known command, so the label stays bounded.</summary>
    public static CommandTiming TimeCommand(string command) => new(command, System.Diagnostics.Stopwatch.GetTimestamp());

    public readonly struct CommandTiming(string command, long started) : IDisposable
    {
        public void Dispose() => CommandDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,
            new KeyValuePair<string, object?>("command", command));
    }
}
