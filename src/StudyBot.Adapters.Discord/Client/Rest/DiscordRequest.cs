namespace StudyBot.Adapters.Discord.Client.Rest;

/// <summary>What the REST handlers read off a request: its <see cref="DiscordRoute"/> (bucket, template to log, interaction or not).</summary>
internal static class DiscordRequest
{
    private static readonly HttpRequestOptionsKey<DiscordRoute> RouteKey = new("StudyBot.Discord.Route");

    public static void SetRoute(HttpRequestMessage request, DiscordRoute route) => request.Options.Set(RouteKey, route);

    public static DiscordRoute RouteOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(RouteKey, out var route)
            ? route
            : throw new InvalidOperationException("A request on the Discord HttpClient must go through DiscordRestClient, which names its route.");
}
