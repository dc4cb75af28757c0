using StudyBot.Core.Cluster;

namespace StudyBot.Adapters.Discord.Client.Rest;

/// <summary>
/// The rate-limit state of the bot: learned buckets and the global limit. A singleton, because the
/// HttpClient factory recreates its handlers every few minutes and the limits must outlive them. The
/// global limit is the bot's, whichever node sends: each node keeps to its share of it.
/// </summary>
internal sealed class DiscordRateLimits : IDisposable
{
    private readonly IDisposable _share;

    public DiscordRateLimits(DiscordOptions options, TimeProvider clock, ClusterPresence cluster)
    {
        Global = new GlobalRateLimit(options.GlobalRequestsPerSecond, clock);
        _share = cluster.FollowShareOf(options.GlobalRequestsPerSecond, share => Global.PerSecond = share);
    }

    public RateLimitBuckets Buckets { get; } = new();

    public GlobalRateLimit Global { get; }

    public void Dispose()
    {
        _share.Dispose();
        Global.Dispose();
    }
}
