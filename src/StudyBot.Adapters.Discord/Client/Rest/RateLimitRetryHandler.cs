using Microsoft.Extensions.Options;
using System.Net;
using StudyBot.Adapters.Common;

namespace StudyBot.Adapters.Discord.Client.Rest;

/// <summary>
/// Sends a request again after a 429, up to <see cref="DiscordOptions.MaxRateLimitRetries"/> times. It does
/// not wait itself: <see cref="RateLimitHandler"/> has already paused the bucket or the global limit.
/// </summary>
internal sealed class RateLimitRetryHandler(IOptions<DiscordOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken);
            AdapterMetrics.CountResponse(DiscordAdapterId.Value, response.StatusCode);
            if (response.StatusCode != HttpStatusCode.TooManyRequests) return response;
            response.Dispose();
            if (attempt >= options.Value.MaxRateLimitRetries)
                throw new DiscordApiException(HttpStatusCode.TooManyRequests, DiscordRequest.RouteOf(request).RouteKey, $"still rate limited after {attempt + 1} attempts");
        }
    }
}
