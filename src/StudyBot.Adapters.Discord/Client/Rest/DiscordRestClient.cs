using Microsoft.Extensions.DependencyInjection;
using StudyBot.Adapters.Common;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StudyBot.Adapters.Discord.Client.Rest;

/// <summary>
/// Sends REST requests within Discord's rate limits: per learned bucket and major parameter, the
/// global limit, and 429 retries (with or without a body). A 401 on a bot-authenticated route stops
/// every later request: retrying a rejected token only earns an IP ban.
/// </summary>
internal sealed class DiscordRestClient(
    IHttpClientFactory httpClients,
    IOptions<DiscordOptions> options,
    [FromKeyedServices(DiscordAdapterId.Value)] AdapterStatus status,
    TimeProvider clock,
    ILogger<DiscordRestClient> logger) : IDisposable
{
    public const string HttpClientName = "discord";

    private readonly RateLimitBuckets _buckets = new();
    private readonly GlobalRateLimit _global = new(options.Value.GlobalRequestsPerSecond, clock);

    /// <summary>Rate-limit buckets remembered; interaction routes leave none behind.</summary>
    public int RememberedBuckets => _buckets.Count;

    public void Dispose() => _global.Dispose();

    /// <summary>Sends <paramref name="body"/> as JSON and returns the response JSON (null for 204).</summary>
    public async Task<JsonElement?> SendAsync(DiscordRoute route, JsonNode? body, CancellationToken cancellationToken)
    {
        // An interaction's routes are its own bucket and live for minutes: a bucket for this call only,
        // or every click of every day would leave one behind.
        var callBucket = route.IsInteraction ? new RateLimitBucket() : null;
        for (var attempt = 0; ; attempt++)
        {
            status.ThrowIfFailed();
            var bucket = callBucket ?? _buckets.For(route);
            await bucket.Gate.WaitAsync(cancellationToken);
            try
            {
                var wait = bucket.WaitBeforeSend(clock.GetUtcNow());
                if (wait > TimeSpan.Zero)
                {
                    logger.LogDebug("Waiting {Wait} for the rate-limit bucket of {Route}.", wait, route);
                    await Task.Delay(wait, clock, cancellationToken);
                }
                using var request = new HttpRequestMessage(route.Method, route.Path);
                if (body is not null)
                    request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
                using var place = await _global.WaitAsync(countsTowardLimit: !route.IsInteraction, cancellationToken);
                status.ThrowIfFailed();
                using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                place.Dispose(); // answered: from now the request counts for one more second

                var headers = RateLimitHeaders.Read(response.Headers);
                var now = clock.GetUtcNow();
                bucket.Update(headers.Remaining, headers.ResetAfter, now);
                var shared = callBucket ?? _buckets.Learn(route, headers.Bucket, bucket);
                if (shared != bucket) shared.Update(headers.Remaining, headers.ResetAfter, now);

                if (response.StatusCode == HttpStatusCode.Unauthorized && !route.IsInteraction)
                {
                    var reason = $"Discord rejected the bot token (HTTP 401 on {route}). Check {DiscordOptionsValidator.Setting(nameof(DiscordOptions.Token))}: reset it in the Developer Portal (Bot → Reset Token) and update the setting.";
                    status.Fail(reason);
                    throw new AdapterStoppedException(reason);
                }
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var (retryAfter, global) = RateLimitHeaders.ReadTooManyRequests(headers, text);
                    if (global) _global.PauseFor(retryAfter);
                    else
                    {
                        bucket.Exhaust(retryAfter, now);
                        shared.Exhaust(retryAfter, now);
                    }
                    logger.LogWarning("Rate limited on {Route} ({Scope}); retrying in {RetryAfter}.", route, global ? "global" : "bucket", retryAfter);
                    if (attempt >= options.Value.MaxRateLimitRetries)
                        throw new DiscordApiException(response.StatusCode, route.RouteKey, $"still rate limited after {attempt + 1} attempts");
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                    throw new DiscordApiException(response.StatusCode, route.RouteKey, Detail(text));
                if (text.Length == 0) return null;
                using var json = JsonDocument.Parse(text);
                return json.RootElement.Clone();
            }
            finally
            {
                bucket.Gate.Release();
            }
        }
    }

    // Discord's error bodies are {code, message, errors}; keep them short in exceptions and logs.
    private static string Detail(string body) => body.Length <= 500 ? body : body[..500] + "…";
}
