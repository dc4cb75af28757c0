using StudyBot.Core.Text;
using StudyBot.Adapters.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using StudyBot.Adapters.Discord.Rendering;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Rest;

/// <summary>The REST endpoints StudyBot uses, as typed calls over <see cref="DiscordRestClient"/>.</summary>
public sealed class DiscordApi(DiscordRestClient rest)
{
    /// <summary>Interaction callback types.</summary>
    public const int ChannelMessageWithSource = 4;
    public const int DeferredChannelMessageWithSource = 5;
    public const int AutocompleteResult = 8;

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

    public async Task<string> CreateMessageAsync(string channelId, ChatMessage message, CancellationToken cancellationToken)
    {
        var json = await rest.SendAsync(DiscordRoute.CreateMessage(channelId), MessageRenderer.Render(message), cancellationToken);
        return json?.Text("id") ?? throw new DiscordApiException("Create message returned no id.");
    }

    public Task EditMessageAsync(string channelId, string messageId, ChatMessage message, CancellationToken cancellationToken) =>
        rest.SendAsync(DiscordRoute.EditMessage(channelId, messageId), MessageRenderer.Render(message), cancellationToken);

    public Task RespondAsync(string interactionId, string token, ChatReply reply, CancellationToken cancellationToken) =>
        Callback(interactionId, token, ChannelMessageWithSource, MessageRenderer.Render(reply.Message, reply.Ephemeral), cancellationToken);

    /// <summary>"Thinking…": buys 15 minutes. Ephemeral because most slow work is a private answer.</summary>
    public Task DeferAsync(string interactionId, string token, CancellationToken cancellationToken) =>
        Callback(interactionId, token, DeferredChannelMessageWithSource, new JsonObject { ["flags"] = MessageRenderer.MessageFlagEphemeral }, cancellationToken);

    public Task AutocompleteAsync(string interactionId, string token, IEnumerable<string> choices, CancellationToken cancellationToken) =>
        Callback(interactionId, token, AutocompleteResult, new JsonObject
        {
            ["choices"] = new JsonArray(choices
                .Select(c => TextCut.ToLength(c, 100))
                .Where(c => c.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .Take(25)
                .Select(c => (JsonNode)new JsonObject { ["name"] = c, ["value"] = c })
                .ToArray()),
        }, cancellationToken);

    public Task EditOriginalResponseAsync(string applicationId, string token, ChatMessage message, CancellationToken cancellationToken) =>
        rest.SendAsync(DiscordRoute.EditOriginalResponse(applicationId, token), MessageRenderer.Render(message), cancellationToken);

    /// <summary>A further message for the interaction; without the ephemeral flag everyone in the channel sees it.</summary>
    public Task CreateFollowupAsync(string applicationId, string token, ChatReply reply, CancellationToken cancellationToken) =>
        rest.SendAsync(DiscordRoute.CreateFollowup(applicationId, token), MessageRenderer.Render(reply.Message, reply.Ephemeral), cancellationToken);

    public Task OverwriteCommandsAsync(string applicationId, string? guildId, JsonArray commands, CancellationToken cancellationToken) =>
        rest.SendAsync(
            string.IsNullOrEmpty(guildId) ? DiscordRoute.OverwriteGlobalCommands(applicationId) : DiscordRoute.OverwriteGuildCommands(applicationId, guildId),
            commands, cancellationToken);

    private Task<JsonElement?> Callback(string interactionId, string token, int type, JsonObject data, CancellationToken cancellationToken) =>
        rest.SendAsync(DiscordRoute.InteractionCallback(interactionId, token),
            new JsonObject { ["type"] = type, ["data"] = data }, cancellationToken);
}
