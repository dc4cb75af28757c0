namespace StudyBot.Adapters.Discord.Client.Rest;

/// <summary>
/// One REST call: its template (the rate-limit route key), the real path, and the major parameter
/// that splits a bucket per channel, server or interaction. Only <see cref="Template"/> is ever logged:
/// interaction paths hold tokens.
/// </summary>
internal sealed record DiscordRoute(HttpMethod Method, string Template, string Path, string MajorParameter, bool IsInteraction = false)
{
    /// <summary>Identifies the route for bucket learning: the same template with another major parameter is another bucket.</summary>
    public string RouteKey => $"{Method.Method} {Template}";

    public override string ToString() => RouteKey;

    public static DiscordRoute GatewayBot() =>
        new(HttpMethod.Get, "gateway/bot", "gateway/bot", "");

    public static DiscordRoute CreateMessage(string channelId) =>
        new(HttpMethod.Post, "channels/{channel_id}/messages", $"channels/{Escape(channelId)}/messages", channelId);

    public static DiscordRoute EditMessage(string channelId, string messageId) =>
        new(HttpMethod.Patch, "channels/{channel_id}/messages/{message_id}", $"channels/{Escape(channelId)}/messages/{Escape(messageId)}", channelId);

    public static DiscordRoute GetChannel(string channelId) =>
        new(HttpMethod.Get, "channels/{channel_id}", $"channels/{Escape(channelId)}", channelId);

    /// <summary>A public thread started from a message; the thread's id is the message's.</summary>
    public static DiscordRoute CreateThreadFromMessage(string channelId, string messageId) =>
        new(HttpMethod.Post, "channels/{channel_id}/messages/{message_id}/threads",
            $"channels/{Escape(channelId)}/messages/{Escape(messageId)}/threads", channelId);

    /// <summary>PUT pins, DELETE unpins (the current route; <c>channels/{id}/pins/{id}</c> is deprecated).</summary>
    public static DiscordRoute Pin(string channelId, string messageId, bool pinned) =>
        new(pinned ? HttpMethod.Put : HttpMethod.Delete, "channels/{channel_id}/messages/pins/{message_id}",
            $"channels/{Escape(channelId)}/messages/pins/{Escape(messageId)}", channelId);

    /// <summary>PUT gives a member a role, DELETE takes it away.</summary>
    public static DiscordRoute MemberRole(string guildId, string userId, string roleId, bool add) =>
        new(add ? HttpMethod.Put : HttpMethod.Delete, "guilds/{guild_id}/members/{user_id}/roles/{role_id}",
            $"guilds/{Escape(guildId)}/members/{Escape(userId)}/roles/{Escape(roleId)}", guildId);

    /// <summary>Opens (or finds) the DM channel with one user.</summary>
    public static DiscordRoute CreateDirectChannel() =>
        new(HttpMethod.Post, "users/@me/channels", "users/@me/channels", "");

    /// <summary>The first response to an interaction; outside the global limit.</summary>
    public static DiscordRoute InteractionCallback(string interactionId, string token) =>
        new(HttpMethod.Post, "interactions/{interaction_id}/{interaction_token}/callback",
            $"interactions/{Escape(interactionId)}/{Escape(token)}/callback", interactionId, IsInteraction: true);

    public static DiscordRoute EditOriginalResponse(string applicationId, string token) =>
        new(HttpMethod.Patch, "webhooks/{application_id}/{interaction_token}/messages/@original",
            $"webhooks/{Escape(applicationId)}/{Escape(token)}/messages/@original", $"{applicationId}/{token}", IsInteraction: true);

    public static DiscordRoute CreateFollowup(string applicationId, string token) =>
        new(HttpMethod.Post, "webhooks/{application_id}/{interaction_token}",
            $"webhooks/{Escape(applicationId)}/{Escape(token)}", $"{applicationId}/{token}", IsInteraction: true);

    public static DiscordRoute OverwriteGlobalCommands(string applicationId) =>
        new(HttpMethod.Put, "applications/{application_id}/commands", $"applications/{Escape(applicationId)}/commands", "");

    public static DiscordRoute OverwriteGuildCommands(string applicationId, string guildId) =>
        new(HttpMethod.Put, "applications/{application_id}/guilds/{guild_id}/commands",
            $"applications/{Escape(applicationId)}/guilds/{Escape(guildId)}/commands", guildId);

    // Ids come from Discord or from storage; escaping keeps a forged one from changing the route.
    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
