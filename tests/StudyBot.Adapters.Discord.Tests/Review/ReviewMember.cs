using System.Text.Json.Nodes;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Tests.Review;

/// <summary>
/// A server member of the end-to-end review tests and the interactions they send. The id is a snowflake:
/// the fake Discord checks the DM endpoint's <c>recipient_id</c> against the spec.
/// </summary>
internal sealed record ReviewMember(string Id, string Name)
{
    public const string Channel = "chan-1";

    public string DmChannel => "dm-" + Id;

    /// <summary>How the core knows them (the store's key).</summary>
    public ChatUser User => new("discord", Id, Name);

    public JsonObject Command(string interactionId, string name, params JsonObject[] options) =>
        Named(Payloads.SlashCommand(interactionId, name, [.. options]));

    /// <summary>A click on the channel's daily question.</summary>
    public JsonObject ClickPost(string interactionId, string customId, string messageId)
    {
        var payload = Named(Payloads.Button(interactionId, customId, Channel, Id));
        payload["message"]!["id"] = messageId;
        return payload;
    }

    /// <summary>A click on a message only they see (a review card, a re-grade offer).</summary>
    public JsonObject ClickPrivate(string interactionId, string customId) =>
        Named(Payloads.Button(interactionId, customId, Channel, Id, onEphemeral: true));

    /// <summary>A click in the bot's DM with them (the reminder's button).</summary>
    public JsonObject ClickInDm(string interactionId, string customId) =>
        Named(Payloads.Button(interactionId, customId, DmChannel, Id, inGuild: false));

    private JsonObject Named(JsonObject payload)
    {
        var user = (payload["member"]?["user"] ?? payload["user"])!.AsObject();
        user["id"] = Id;
        user["username"] = Name.ToLowerInvariant();
        user["global_name"] = Name;
        if (payload["member"] is JsonObject member) member["nick"] = Name;
        return payload;
    }
}
