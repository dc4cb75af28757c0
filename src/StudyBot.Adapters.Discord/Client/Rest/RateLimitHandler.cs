using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Common;
using System.Net;

namespace StudyBot.Adapters.Discord.Client.Rest;

/// <summary>
/// Sends one attempt within Discord's rate limits: per learned bucket and major parameter, then the
/// global limit. It learns from every answer, and a 429 pauses the bucket (or everything, when global)
/// until Discord's retry time; <see cref="RateLimitRetryHandler"/> above decides whether to try again.
/// </summary>
internal sealed class RateLimitHandler(
    DiscordRateLimits limits,
    [FromKeyedServices(DiscordAdapterId.Value)] AdapterStatus status,
    TimeProvider clock,
    ILogger<RateLimitHandler> logger) : DelegatingHandler
{
    // An interaction's routes are its own bucket and live for minutes: a bucket for this call only,
    // or every click of every day would leave one behind. Kept on the request so retries share it.
    private static readonly HttpRequestOptionsKey<RateLimitBucket> CallBucketKey = new("StudyBot.Discord.CallBucket");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = DiscordRequest.RouteOf(request);
        status.ThrowIfFailed();
        var callBucket = route.IsInteraction ? CallBucket(request) : null;
        var bucket = callBucket ?? limits.Buckets.For(route);
        await bucket.Gate.WaitAsync(cancellationToken);
        try
        {
            var wait = bucket.WaitBeforeSend(clock.GetUtcNow());
            if (wait > TimeSpan.Zero)
            {
                logger.WaitingForBucket(wait, route);
                await Task.Delay(wait, clock, cancellationToken);
            }
            HttpResponseMessage response;
            using (await limits.Global.WaitAsync(countsTowardLimit: !route.IsInteraction, cancellationToken))
            {
                status.ThrowIfFailed();
                // The handler below buffers the body, so leaving this block means answered: from now
                // the request counts for one more second.
                response = await base.SendAsync(request, cancellationToken);
            }

            var headers = RateLimitHeaders.Read(response.Headers);
            var now = clock.GetUtcNow();
            bucket.Update(headers.Remaining, headers.ResetAfter, now);
            var shared = callBucket ?? limits.Buckets.Learn(route, headers.Bucket, bucket);
            if (shared != bucket) shared.Update(headers.Remaining, headers.ResetAfter, now);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                await PauseAsync(route, response, headers, bucket, shared, now, cancellationToken);
            return response;
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    private async Task PauseAsync(DiscordRoute route, HttpResponseMessage response, RateLimitHeaders headers,
        RateLimitBucket bucket, RateLimitBucket shared, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var (retryAfter, global) = RateLimitHeaders.ReadTooManyRequests(headers, text);
        if (global) limits.Global.PauseFor(retryAfter);
        else
        {
            bucket.Exhaust(retryAfter, now);
            shared.Exhaust(retryAfter, now);
        }
        logger.RateLimited(route, global ? "global" : "bucket", retryAfter);
    }

    private static RateLimitBucket CallBucket(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(CallBucketKey, out var bucket)) return bucket;
        bucket = new RateLimitBucket();
        request.Options.Set(CallBucketKey, bucket);
        return bucket;
    }
}
