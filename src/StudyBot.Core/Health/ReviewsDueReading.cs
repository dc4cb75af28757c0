using StudyBot.Core.Storage;

namespace StudyBot.Core.Health;

/// <summary>
/// The "reviews due" figure for <see cref="StudyMetrics"/>: the cards of every member due now, read from
/// the review store at most once per <see cref="MaxAge"/>. A gauge read on scrape rather than a counter
/// the reminder job moves, because cards come due by the clock, not by any event the bot sees.
/// </summary>
public sealed class ReviewsDueReading(IReviewStore reviews, TimeProvider time)
{
    /// <summary>How old a count may be when a scrape reads it: Prometheus scrapes every 15 to 60 s, so most scrapes run no query.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private (long Count, DateTimeOffset ReadAt)? _last;

    /// <summary>The count, from the store when the last one is older than <see cref="MaxAge"/>.</summary>
    public long Current()
    {
        // The exporter's callbacks are synchronous, so this waits on the store; the lock keeps concurrent
        // scrapes to one query. SQLite's async methods complete synchronously, so the wait blocks no more than the query.
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_last is { } last && now - last.ReadAt < MaxAge) return last.Count;
            var count = reviews.AllDueCountAsync(now, CancellationToken.None).GetAwaiter().GetResult();
            _last = (count, now);
            return count;
        }
    }
}
