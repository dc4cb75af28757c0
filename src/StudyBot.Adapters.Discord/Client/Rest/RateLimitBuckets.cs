using System.Collections.Concurrent;

namespace StudyBot.Adapters.Discord.Client.Rest;

/// <summary>
/// Finds the bucket of a request. A route (method + template) starts in a bucket of its own; once
/// Discord names its bucket (<c>X-RateLimit-Bucket</c>), routes sharing that hash share one bucket per
/// major parameter (channel, server, interaction).
/// </summary>
internal sealed class RateLimitBuckets
{
    private readonly ConcurrentDictionary<string, string> _hashByRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);

    public int Count => _buckets.Count;

    public RateLimitBucket For(DiscordRoute route) =>
        _buckets.GetOrAdd(Key(route), _ => new RateLimitBucket());

    /// <summary>
    /// Remembers the route's bucket hash and returns the bucket that now stands for it: the one we
    /// used, unless another route with the same hash and major parameter got there first.
    /// </summary>
    public RateLimitBucket Learn(DiscordRoute route, string? hash, RateLimitBucket current)
    {
        if (string.IsNullOrEmpty(hash)) return current;
        _hashByRoute[route.RouteKey] = hash;
        return _buckets.GetOrAdd($"{hash}|{route.MajorParameter}", current);
    }

    private string Key(DiscordRoute route) =>
        _hashByRoute.TryGetValue(route.RouteKey, out var hash)
            ? $"{hash}|{route.MajorParameter}"
            : $"{route.RouteKey}|{route.MajorParameter}";
}
