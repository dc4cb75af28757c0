using System.Text.Json;
using StudyBot.Adapters.Common;

namespace StudyBot.Adapters.Slack.Client.SocketMode;

/// <summary>An envelope's payload, read once when the frame arrives so handlers get typed fields.</summary>
internal abstract record EnvelopePayload
{
    /// <summary>Reads the payload of an envelope of <paramref name="envelopeType"/>; never throws.</summary>
    public static EnvelopePayload Parse(string envelopeType, JsonElement payload) => envelopeType switch
    {
        "slash_commands" => SlashCommandPayload.Parse(payload),
        "interactive" when payload.Text("type") is "block_actions" => BlockActionsPayload.Parse(payload),
        "interactive" when payload.Text("type") is "view_submission" => ViewSubmissionPayload.Parse(payload),
        "interactive" => new UnusedPayload(payload.Text("type")),
        _ => new UnusedPayload(envelopeType),
    };
}

/// <summary>A <c>/study ...</c> invocation.</summary>
/// <param name="TriggerId">What <c>views.open</c> needs to open a modal for this command (valid for 3 seconds).</param>
internal sealed record SlashCommandPayload(string UserId, string ChannelId, string? UserName, string? Text, string? ResponseUrl, string? TriggerId = null) : EnvelopePayload
{
    public static EnvelopePayload Parse(JsonElement payload) =>
        payload.Text("user_id") is { Length: > 0 } userId && payload.Text("channel_id") is { Length: > 0 } channelId
            ? new SlashCommandPayload(userId, channelId, payload.Text("user_name"), payload.Text("text"), payload.Text("response_url"), payload.Text("trigger_id"))
            : new MalformedPayload("Ignored a slash command without user_id or channel_id.");
}

/// <summary>A click on a button: the first action's <c>action_id</c>, who clicked, where, and whether the message was ephemeral.</summary>
internal sealed record BlockActionsPayload(string UserId, string? UserName, string ChannelId, string ActionId, bool OnEphemeralMessage, string? ResponseUrl,
    string? TriggerId = null)
    : EnvelopePayload
{
    /// <summary>A click in the bot's DM with the user (a reminder): Slack's DM channel ids begin with D.</summary>
    public bool InDirectMessage => ChannelId.StartsWith('D');

    public static EnvelopePayload Parse(JsonElement payload)
    {
        var user = payload.Child("user") ?? default;
        var container = payload.Child("container") ?? default;
        var userId = user.Text("id");
        var channelId = (payload.Child("channel") ?? default).Text("id") ?? container.Text("channel_id");
        var actionId = (payload.First("actions") ?? default).Text("action_id");
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(actionId))
            return new MalformedPayload("Ignored a malformed button click (user, channel or action_id missing).");
        return new BlockActionsPayload(userId, user.Text("username") ?? user.Text("name"), channelId, actionId,
            container.IsTrue("is_ephemeral"), payload.Text("response_url"), payload.Text("trigger_id"));
    }
}

/// <summary>
/// A submitted modal: its <c>callback_id</c> (the core's form id), the channel it was opened from (carried in
/// <c>private_metadata</c>, since a view belongs to no channel) and each input's value by <c>block_id</c>.
/// </summary>
internal sealed record ViewSubmissionPayload(string UserId, string? UserName, string ChannelId, string CallbackId, IReadOnlyDictionary<string, string> Values)
    : EnvelopePayload
{
    public static EnvelopePayload Parse(JsonElement payload)
    {
        var user = payload.Child("user") ?? default;
        var view = payload.Child("view") ?? default;
        var userId = user.Text("id");
        var channelId = view.Text("private_metadata");
        var callbackId = view.Text("callback_id");
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(callbackId))
            return new MalformedPayload("Ignored a malformed view submission (user, private_metadata or callback_id missing).");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if ((view.Child("state") ?? default).Child("values") is { ValueKind: JsonValueKind.Object } blocks)
        {
            foreach (var block in blocks.EnumerateObject())
            {
                if (block.Value.ValueKind != JsonValueKind.Object) continue;
                foreach (var action in block.Value.EnumerateObject())
                {
                    if (action.Value.ValueKind == JsonValueKind.Object) values[block.Name] = action.Value.Text("value") ?? "";
                }
            }
        }
        return new ViewSubmissionPayload(userId, user.Text("username") ?? user.Text("name"), channelId, callbackId, values);
    }
}

/// <summary>An envelope or interaction kind StudyBot does not use (<c>events_api</c>, <c>view_submission</c>, ...); acknowledged and dropped.</summary>
internal sealed record UnusedPayload(string? Kind) : EnvelopePayload;

/// <summary>A payload missing a field StudyBot needs; <paramref name="Problem"/> is the log line.</summary>
internal sealed record MalformedPayload(string Problem) : EnvelopePayload;
