using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Health;

/// <summary>
/// The "reviews due" figure for <see cref="StudyMetrics"/>: the cards of every member due now, counted on
/// every scrape at the scrape's clock, so it is never stale, although cards come due by the clock, not by any
/// event the bot sees. That is cheap because the stores keep a tally of cards per due hour in the transaction
/// of every card write (migration 011): a count sums the tally and reads one hour of the index on due.
/// </summary>
public sealed class ReviewsDueReading(IReviewStore reviews, TimeProvider time, ILogger<ReviewsDueReading>? log = null)
{
    private readonly ILogger _log = log ?? NullLogger<ReviewsDueReading>.Instance;
    private readonly Lock _gate = new();
    private long? _last;

    /// <summary>The count due now; when counting fails, the last count (from the last scrape that succeeded), or the failure when there is none.</summary>
    public long Current()
    {
        try
        {
            // The exporter's callbacks are synchronous; the count is one small query.
            long count = reviews.AllDueCountAsync(time.GetUtcNow(), CancellationToken.None).GetAwaiter().GetResult();
            lock (_gate) _last = count;
            return count;
        }
        catch (Exception error)
        {
            _log.LogWarning(error, "Counting the due review cards failed");
            lock (_gate) return _last ?? throw new InvalidOperationException("The due review cards could not be counted.", error);
        }
    }
}
