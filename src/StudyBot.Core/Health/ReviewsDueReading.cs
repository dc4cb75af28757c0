using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Health;

/// <summary>
/// The "reviews due" figure for <see cref="StudyMetrics"/>: the cards of every member due now. A gauge read
/// on scrape rather than a counter the reminder job moves, because cards come due by the clock, not by any
/// event the bot sees. Counting millions of cards takes most of a second, so a scrape never waits for it:
/// it reads the last count, and when that is older than <see cref="MaxAge"/> it starts one count in the
/// background for a later scrape. Only the first scrape of the process waits, having nothing to report.
/// </summary>
public sealed class ReviewsDueReading(IReviewStore reviews, TimeProvider time, ILogger<ReviewsDueReading>? log = null)
{
    /// <summary>How old a count may be before a scrape starts a new one: Prometheus scrapes every 15 to 60 s, so most scrapes run no query.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly ILogger _log = log ?? NullLogger<ReviewsDueReading>.Instance;
    private (long Count, DateTimeOffset ReadAt)? _last;
    private Task<long>? _counting;

    /// <summary>The last count; starts a new one in the background when it is older than <see cref="MaxAge"/>.</summary>
    public long Current()
    {
        Task<long> first;
        lock (_gate)
        {
            if (_last is { } last)
            {
                if (time.GetUtcNow() - last.ReadAt >= MaxAge) _counting ??= CountAsync();
                return last.Count;
            }
            first = _counting ??= CountAsync();
        }
        // The exporter's callbacks are synchronous; this wait happens once per process.
        return first.GetAwaiter().GetResult();
    }

    /// <summary>The count under way, or a completed task when none is: lets tests and benchmarks wait for it.</summary>
    public Task WhenCounted()
    {
        lock (_gate) return _counting ?? Task.CompletedTask;
    }

    private async Task<long> CountAsync()
    {
        await Task.Yield(); // off the scrape's thread and out of its lock
        try
        {
            var now = time.GetUtcNow();
            var count = await reviews.AllDueCountAsync(now, CancellationToken.None);
            lock (_gate) _last = (count, now);
            return count;
        }
        catch (Exception error)
        {
            // The last count stays reported; the next scrape tries again.
            _log.LogWarning(error, "Counting the due review cards failed");
            throw;
        }
        finally
        {
            lock (_gate) _counting = null;
        }
    }
}
