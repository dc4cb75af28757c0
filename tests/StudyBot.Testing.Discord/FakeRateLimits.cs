using System.Globalization;
using System.Text.RegularExpressions;

namespace StudyBot.Testing.Discord;

/// <summary>
/// Discord's REST limits as the fake enforces them when asked: a global 50 requests in any second
/// (interaction callbacks exempt, as on Discord), announced only by a 429 with X-RateLimit-Global,
/// and per-channel message buckets (5 per 5 s) announced on every response through the real
/// X-RateLimit-* headers. Counts the 429s it had to send.
/// </summary>
public sealed partial class FakeRateLimits(int globalPerSecond = 50, int perChannel = 5, double perChannelWindowSeconds = 5)
{
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Dictionary<string, (DateTimeOffset ResetAt, int Used)> _channels = new(StringComparer.Ordinal);
    private int _globalRejections, _bucketRejections;

    public int GlobalRejections => Volatile.Read(ref _globalRejections);
    public int BucketRejections => Volatile.Read(ref _bucketRejections);

    /// <summary>A 429 for a request over a limit, or null; <paramref name="headers"/> gets the bucket headers either way.</summary>
    public FakeResponse? Check(RecordedRequest request, Dictionary<string, string> headers)
    {
        if (request.Path.StartsWith("interactions/", StringComparison.Ordinal)) return null;
        var now = DateTimeOffset.UtcNow;
        lock (_gate)
        {
            while (_recent.Count > 0 && _recent.Peek() <= now.AddSeconds(-1)) _recent.Dequeue();
            if (_recent.Count >= globalPerSecond)
            {
                _globalRejections++;
                var retry = (_recent.Peek().AddSeconds(1) - now).TotalSeconds;
                return new FakeResponse(429, Invariant($$"""{"message": "You are being rate limited.", "retry_after": {{retry:0.000}}, "global": true}"""),
                    new Dictionary<string, string> { ["X-RateLimit-Global"] = "true", ["X-RateLimit-Scope"] = "global", ["Retry-After"] = Invariant($"{Math.Ceiling(retry)}") });
            }
            _recent.Enqueue(now);

            if (ChannelMessages().Match(request.Path) is not { Success: true } match || request.Method != "POST") return null;
            var channel = match.Groups[1].Value;
            var (resetAt, used) = _channels.TryGetValue(channel, out var bucket) && bucket.ResetAt > now ? bucket : (now.AddSeconds(perChannelWindowSeconds), 0);
            var resetAfter = (resetAt - now).TotalSeconds;
            headers["X-RateLimit-Limit"] = Invariant($"{perChannel}");
            headers["X-RateLimit-Reset"] = Invariant($"{resetAt.ToUnixTimeMilliseconds() / 1000.0:0.000}");
            headers["X-RateLimit-Reset-After"] = Invariant($"{resetAfter:0.000}");
            headers["X-RateLimit-Bucket"] = "channel-messages";
            if (used >= perChannel)
            {
                _bucketRejections++;
                headers["X-RateLimit-Remaining"] = "0";
                headers["X-RateLimit-Scope"] = "user";
                return new FakeResponse(429, Invariant($$"""{"message": "You are being rate limited.", "retry_after": {{resetAfter:0.000}}, "global": false}"""), headers);
            }
            _channels[channel] = (resetAt, used + 1);
            headers["X-RateLimit-Remaining"] = Invariant($"{perChannel - used - 1}");
            return null;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^channels/([^/]+)/messages$")]
    private static partial Regex ChannelMessages();
}
