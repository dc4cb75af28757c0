using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace StudyBot.Adapters.Discord.Client.Rest;

/// <summary>Reads Discord's rate-limit headers and 429 bodies, tolerating any of them missing.</summary>
internal sealed record RateLimitHeaders(string? Bucket, int? Remaining, TimeSpan? ResetAfter, bool Global, TimeSpan? RetryAfterHeader)
{
    public static RateLimitHeaders Read(HttpResponseHeaders headers)
    {
        var retryAfter = headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => (TimeSpan?)null,
        };
        return new RateLimitHeaders(
            Text(headers, "X-RateLimit-Bucket"),
            int.TryParse(Text(headers, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining) ? remaining : null,
            Seconds(Text(headers, "X-RateLimit-Reset-After")),
            string.Equals(Text(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
            retryAfter);
    }

    /// <summary>
    /// How long a 429 asks us to wait: the body's <c>retry_after</c> (precise), else <c>Retry-After</c>,
    /// else the bucket's reset, else one second. A 429 may have no body at all (Cloudflare answers those).
    /// </summary>
    public static (TimeSpan RetryAfter, bool Global) ReadTooManyRequests(RateLimitHeaders headers, string body)
    {
        TimeSpan? fromBody = null;
        var globalInBody = false;
        if (body.Length > 0)
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.ValueKind == JsonValueKind.Object)
                {
                    if (json.RootElement.TryGetProperty("retry_after", out var retry) && retry.TryGetDouble(out var seconds))
                        fromBody = FromSeconds(seconds);
                    globalInBody = json.RootElement.TryGetProperty("global", out var globalFlag) && globalFlag.ValueKind == JsonValueKind.True;
                }
            }
            catch (JsonException)
            {
                // An HTML error page from a proxy: fall back to the headers.
            }
        }
        var wait = fromBody ?? headers.RetryAfterHeader ?? headers.ResetAfter ?? TimeSpan.FromSeconds(1);
        // Without a body or a bucket we cannot tell which bucket is limited: stop everything for a moment.
        var global = headers.Global || globalInBody || (body.Length == 0 && headers.Bucket is null);
        return (wait < TimeSpan.Zero ? TimeSpan.Zero : wait, global);
    }

    private static string? Text(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? FromSeconds(seconds) : null;

    private static TimeSpan FromSeconds(double seconds) =>
        TimeSpan.FromSeconds(Math.Clamp(seconds, 0, TimeSpan.FromHours(1).TotalSeconds));
}
