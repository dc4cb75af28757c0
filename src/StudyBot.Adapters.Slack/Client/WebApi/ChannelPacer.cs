using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace StudyBot.Adapters.Slack.Client.WebApi;

/// <summary>
/// Keeps posts to one channel at about one per <see cref="SlackOptions.ChannelMessageInterval"/>
/// (Slack's limit for chat.postMessage), allowing short bursts, so a busy channel waits its turn
/// instead of collecting 429s. Channels do not slow each other down.
/// </summary>
internal sealed class ChannelPacer : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ChannelPacer(IOptions<SlackOptions> options)
    {
        var interval = options.Value.ChannelMessageInterval;
        var burst = options.Value.ChannelMessageBurst;
        _limiter = PartitionedRateLimiter.Create<string, string>(channel =>
            RateLimitPartition.GetTokenBucketLimiter(channel, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = interval,
                AutoReplenishment = true,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }), StringComparer.Ordinal);
    }

    /// <summary>Waits until the channel may receive another message.</summary>
    public async Task WaitTurnAsync(string channelId, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(channelId, 1, cancellationToken);
        if (!lease.IsAcquired)
            throw new InvalidOperationException($"Too many messages are queued for Slack channel {channelId}.");
    }

    public void Dispose() => _limiter.Dispose();
}
