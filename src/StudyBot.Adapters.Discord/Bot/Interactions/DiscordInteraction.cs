using StudyBot.Adapters.Common;
using System.Globalization;
using System.Text.Json;
using StudyBot.Adapters.Discord.Bot.Rendering;
using StudyBot.Adapters.Discord.Client.Rest;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;

namespace StudyBot.Adapters.Discord.Bot.Interactions;

/// <summary>Interaction types StudyBot receives on the gateway.</summary>
internal static class InteractionTypes
{
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int Autocomplete = 4;
    public const int ModalSubmit = 5;
}

/// <summary>
/// An INTERACTION_CREATE reduced to what StudyBot needs. In a server the user is <c>member.user</c>
/// and <c>member.permissions</c> holds their permissions in this channel; in a DM it is <c>user</c>.
/// </summary>
internal sealed record DiscordInteraction(
    string Id,
    string ApplicationId,
    string Token,
    int Type,
    string? ChannelId,
    string? GuildId,
    string UserId,
    string DisplayName,
    ulong Permissions,
    string? Locale,
    JsonElement Data,
    long ReceivedAt,
    bool OnEphemeralMessage = false)
{
    public Language Language => Languages.FromLocale(Locale);

    /// <summary>
    /// Whether a reply may take the clicked message's place (callback type 7): only for a click on a private
    /// message, an ephemeral one or one in a DM, never on a channel's question that everyone sees.
    /// </summary>
    public bool CanReplaceClicked => Type == InteractionTypes.MessageComponent && (OnEphemeralMessage || GuildId is null);

    /// <summary>Whether the member may manage this channel: checked again on every command, whatever Discord showed them.</summary>
    public bool CanManageChannel => GuildId is not null
        && (Permissions & (ulong)(CommandRegistration.ManageChannels | CommandRegistration.Administrator)) != 0;

    public CommandContext? Context => ChannelId is null
        ? null
        : new CommandContext(
            new ChannelAddress(DiscordPlatform.Id, ChannelId),
            new ChatUser(DiscordPlatform.Id, UserId, DisplayName),
            CanManageChannel,
            Language);

    /// <summary>Null when the payload lacks what a reply needs (id, token, user); unknown fields are ignored.</summary>
    public static DiscordInteraction? TryParse(ReceivedInteraction received)
    {
        var payload = received.Payload;
        if (payload.Text("id") is not { Length: > 0 } id
            || payload.Text("token") is not { Length: > 0 } token
            || payload.Text("application_id") is not { Length: > 0 } applicationId
            || payload.Number("type") is not { } type)
            return null;

        var member = payload.Child("member");
        var user = member?.Child("user") ?? payload.Child("user");
        if (user?.Text("id") is not { Length: > 0 } userId) return null;
        var name = member?.Text("nick") ?? user.Value.Text("global_name") ?? user.Value.Text("username") ?? userId;
        var permissions = ulong.TryParse(member?.Text("permissions"), NumberStyles.None, CultureInfo.InvariantCulture, out var bits) ? bits : 0;

        return new DiscordInteraction(
            id, applicationId, token, type,
            payload.Text("channel_id") ?? payload.Child("channel")?.Text("id"),
            payload.Text("guild_id"),
            userId, name, permissions,
            payload.Text("locale") ?? payload.Text("guild_locale"),
            payload.Child("data") ?? default,
            received.ReceivedAt,
            OnEphemeralMessage: ((payload.Child("message")?.Number("flags") ?? 0) & MessageFlags.Ephemeral) != 0);
    }
}
