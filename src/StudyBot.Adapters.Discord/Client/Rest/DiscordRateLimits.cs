namespace StudyBot.Adapters.Discord.Client.Rest;

/// <summary>
/// The rate-limit state of the bot: learned buckets and the global limit. A singleton, because the
/// HttpClient factory recreates its handlers every few minutes and the limits must outlive them.
/// </summary>
internal sealed class DiscordRateLimits(DiscordOptions options, TimeProvider clock) : IDisposable
{
    public RateLimitBuckets Buckets { get; } = new();

    public GlobalRateLimit Global { get; } = new(options.GlobalRequestsPerSecond, clock);

    public void Dispose() => Global.Dispose();
}
