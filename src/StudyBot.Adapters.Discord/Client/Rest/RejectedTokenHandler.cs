using Microsoft.Extensions.DependencyInjection;
using StudyBot.Adapters.Common;
using System.Net;

namespace StudyBot.Adapters.Discord.Client.Rest;

/// <summary>
/// A 401 on a bot-authenticated route stops the adapter and every later request: retrying a rejected
/// token only earns an IP ban. Interaction routes authenticate with their own token and are exempt.
/// </summary>
internal sealed class RejectedTokenHandler([FromKeyedServices(DiscordAdapterId.Value)] AdapterStatus status) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var route = DiscordRequest.RouteOf(request);
        if (response.StatusCode != HttpStatusCode.Unauthorized || route.IsInteraction) return response;
        response.Dispose();
        var reason = $"Discord rejected the bot token (HTTP 401 on {route}). Check {DiscordOptionsValidator.Setting(nameof(DiscordOptions.Token))}: reset it in the Developer Portal (Bot → Reset Token) and update the setting.";
        status.Fail(reason);
        throw new AdapterStoppedException(reason);
    }
}
