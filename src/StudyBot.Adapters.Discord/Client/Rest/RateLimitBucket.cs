namespace StudyBot.Adapters.Discord.Client.Rest;

/// <summary>
/// What we know about one rate-limit bucket. Requests on a bucket go one at a time through
/// <see cref="Gate"/>, so the remaining count read before a request is never stale: we never
/// send into a bucket we know is exhausted, and a route whose bucket is not known yet is serial too.
/// </summary>
internal sealed class RateLimitBucket
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Requests left until <see cref="ResetAt"/>; null until Discord has told us.</summary>
    public int? Remaining { get; private set; }

    public DateTimeOffset ResetAt { get; private set; }

    /// <summary>How long to wait before the next request may go out.</summary>
    public TimeSpan WaitBeforeSend(DateTimeOffset now) =>
        Remaining is 0 && ResetAt > now ? ResetAt - now : TimeSpan.Zero;

    public void Update(int? remaining, TimeSpan? resetAfter, DateTimeOffset now)
    {
        if (remaining is { } left) Remaining = left;
        if (resetAfter is { } after) ResetAt = now + after;
        else if (remaining is > 0) ResetAt = now;
    }

    /// <summary>After a 429 on this bucket: nothing goes out until the retry time.</summary>
    public void Exhaust(TimeSpan retryAfter, DateTimeOffset now)
    {
        Remaining = 0;
        ResetAt = now + retryAfter;
    }
}
