using StudyBot.Adapters.Common;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StudyBot.Adapters.Discord.Client.Rest;

/// <summary>
/// The REST endpoints StudyBot uses, as typed calls over <see cref="DiscordRestClient"/>. Message bodies
/// arrive as JSON already rendered by the bot layer; this class only knows the routes and envelopes.
/// </summary>
internal sealed class DiscordApi(DiscordRestClient rest)
{
    /// <summary>Interaction callback types.</summary>
    public const int ChannelMessageWithSource = 4;
    public const int DeferredChannelMessageWithSource = 5;
    public const int DeferredUpdateMessage = 6;
    public const int UpdateMessage = 7;
    public const int AutocompleteResult = 8;

    /// <summary>Discord's limits on autocomplete choices.</summary>
    public const int MaxChoices = 25;
    public const int ChoiceLength = 100;

    /// <summary>A thread's auto-archive duration: one of 60, 1440, 4320, 10080 minutes.</summary>
    public const int OneDayInMinutes = 1440;

    public async Task<GatewayInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        var json = await rest.SendAsync(DiscordRoute.GatewayBot(), null, cancellationToken);
        var limit = json?.Child("session_start_limit");
        if (json?.Text("url") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var gateway)
            || limit?.Number("remaining") is not { } remaining || limit.Value.Number("total") is not { } total)
            throw new DiscordApiException("GET gateway/bot answered without a gateway url or session_start_limit.");
        var resetAfter = limit.Value.TryGetProperty("reset_after", out var reset) && reset.TryGetDouble(out var ms) ? ms : 0;
        return new GatewayInfo(gateway, json.Value.Number("shards") ?? 1, remaining, total,
            TimeSpan.FromMilliseconds(resetAfter), limit.Value.Number("max_concurrency") ?? 1);
    }

    /// <summary>Posts a message body and returns the new message's id.</summary>
    public async Task<string> CreateMessageAsync(string channelId, JsonObject message, CancellationToken cancellationToken)
    {
        var json = await rest.SendAsync(DiscordRoute.CreateMessage(channelId), message, cancellationToken);
        return json?.Text("id") ?? throw new DiscordApiException("Create message returned no id.");
    }

    public Task EditMessageAsync(string channelId, string messageId, JsonObject message, CancellationToken cancellationToken) =>
        rest.SendAsync(DiscordRoute.EditMessage(channelId, messageId), message, cancellationToken);

    /// <summary>The first response to an interaction: a message body (with the ephemeral flag if private).</summary>
    public Task RespondAsync(string interactionId, string token, JsonObject message, CancellationToken cancellationToken) =>
        Callback(interactionId, token, ChannelMessageWithSource, message, cancellationToken);

    /// <summary>The first response to an interaction, type 4 (a new message) or 7 (<see cref="UpdateMessage"/>), with an optional file.</summary>
    public Task RespondAsync(string interactionId, string token, int type, JsonObject message, DiscordFile? file, CancellationToken cancellationToken) =>
        rest.SendAsync(DiscordRoute.InteractionCallback(interactionId, token),
            new JsonObject { ["type"] = type, ["data"] = WithAttachment(message, file) }, file, cancellationToken);

    /// <summary>For a click: acknowledges it without a loading message; the clicked message is edited later through @original.</summary>
    public Task DeferUpdateAsync(string interactionId, string token, CancellationToken cancellationToken) =>
        rest.SendAsync(DiscordRoute.InteractionCallback(interactionId, token), new JsonObject { ["type"] = DeferredUpdateMessage }, cancellationToken);

    /// <summary>Edits the interaction's original response (or, after <see cref="DeferUpdateAsync"/>, the clicked message), with an optional file.</summary>
    public Task EditOriginalResponseAsync(string applicationId, string token, JsonObject message, DiscordFile? file, CancellationToken cancellationToken) =>
        rest.SendAsync(DiscordRoute.EditOriginalResponse(applicationId, token), WithAttachment(message, file), file, cancellationToken);

    /// <summary>A follow-up message with an optional file.</summary>
    public Task CreateFollowupAsync(string applicationId, string token, JsonObject message, DiscordFile? file, CancellationToken cancellationToken) =>
        rest.SendAsync(DiscordRoute.CreateFollowup(applicationId, token), WithAttachment(message, file), file, cancellationToken);

    /// <summary>The server a channel belongs to (null for a DM).</summary>
    public async Task<string?> GetChannelGuildAsync(string channelId, CancellationToken cancellationToken) =>
        (await rest.SendAsync(DiscordRoute.GetChannel(channelId), null, cancellationToken))?.Text("guild_id");

    /// <summary>A public thread on a message, archived after a day without messages (a daily question's life).</summary>
    public Task CreateThreadFromMessageAsync(string channelId, string messageId, string name, CancellationToken cancellationToken) =>
        rest.SendAsync(DiscordRoute.CreateThreadFromMessage(channelId, messageId),
            new JsonObject { ["name"] = name, ["auto_archive_duration"] = OneDayInMinutes }, cancellationToken);

    public Task SetPinnedAsync(string channelId, string messageId, bool pinned, CancellationToken cancellationToken) =>
        rest.SendAsync(DiscordRoute.Pin(channelId, messageId, pinned), null, cancellationToken);

    public Task SetMemberRoleAsync(string guildId, string userId, string roleId, bool add, CancellationToken cancellationToken) =>
        rest.SendAsync(DiscordRoute.MemberRole(guildId, userId, roleId, add), null, cancellationToken);

    /// <summary>The id of the DM channel with <paramref name="userId"/> (Discord returns the existing one if there is one).</summary>
    public async Task<string> CreateDirectChannelAsync(string userId, CancellationToken cancellationToken)
    {
        var json = await rest.SendAsync(DiscordRoute.CreateDirectChannel(), new JsonObject { ["recipient_id"] = userId }, cancellationToken);
        return json?.Text("id") ?? throw new DiscordApiException("Create DM returned no channel id.");
    }

    /// <summary>"Thinking…": buys 15 minutes. Ephemeral because most slow work is a private answer.</summary>
    public Task DeferAsync(string interactionId, string token, CancellationToken cancellationToken) =>
        Callback(interactionId, token, DeferredChannelMessageWithSource, new JsonObject { ["flags"] = MessageFlags.Ephemeral }, cancellationToken);

    /// <summary>Choices already cut to <see cref="ChoiceLength"/>; empty and repeated ones are dropped, at most <see cref="MaxChoices"/> sent.</summary>
    public Task AutocompleteAsync(string interactionId, string token, IEnumerable<string> choices, CancellationToken cancellationToken) =>
        Callback(interactionId, token, AutocompleteResult, new JsonObject
        {
            ["choices"] = new JsonArray(choices
                .Where(c => c.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .Take(MaxChoices)
                .Select(c => (JsonNode)new JsonObject { ["name"] = c, ["value"] = c })
                .ToArray()),
        }, cancellationToken);

    public Task EditOriginalResponseAsync(string applicationId, string token, JsonObject message, CancellationToken cancellationToken) =>
        rest.SendAsync(DiscordRoute.EditOriginalResponse(applicationId, token), message, cancellationToken);

    /// <summary>A further message for the interaction; without the ephemeral flag everyone in the channel sees it.</summary>
    public Task CreateFollowupAsync(string applicationId, string token, JsonObject message, CancellationToken cancellationToken) =>
        rest.SendAsync(DiscordRoute.CreateFollowup(applicationId, token), message, cancellationToken);

    public Task OverwriteCommandsAsync(string applicationId, string? guildId, JsonArray commands, CancellationToken cancellationToken) =>
        rest.SendAsync(
            string.IsNullOrEmpty(guildId) ? DiscordRoute.OverwriteGlobalCommands(applicationId) : DiscordRoute.OverwriteGuildCommands(applicationId, guildId),
            commands, cancellationToken);

    // The attachment's id 0 is the placeholder that names the multipart part files[0]. It is a string: the
    // OpenAPI spec types it as a snowflake, and the docs' integer 0 fails the spec's schema.
    private static JsonObject WithAttachment(JsonObject message, DiscordFile? file)
    {
        if (file is null) return message;
        message["attachments"] = new JsonArray(new JsonObject { ["id"] = "0", ["filename"] = MultipartBody.AsciiName(file.FileName) });
        return message;
    }

    private Task<JsonElement?> Callback(string interactionId, string token, int type, JsonObject data, CancellationToken cancellationToken) =>
        rest.SendAsync(DiscordRoute.InteractionCallback(interactionId, token),
            new JsonObject { ["type"] = type, ["data"] = data }, cancellationToken);
}
