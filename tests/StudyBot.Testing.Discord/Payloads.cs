using System.Text.Json.Nodes;

namespace StudyBot.Testing.Discord;

/// <summary>INTERACTION_CREATE payloads as Discord sends them, in a server (<c>member.user</c>) or a DM (<c>user</c>).</summary>
public static class Payloads
{
    public const string ManageChannels = "16";
    public const string NoPermissions = "1024";

    public static JsonObject SlashCommand(string id, string name, JsonArray? options = null, string channelId = "chan-1",
        string? permissions = NoPermissions, string locale = "en-US", bool inGuild = true) =>
        Interaction(id, 2, new JsonObject { ["id"] = "cmd-" + name, ["name"] = name, ["type"] = 1, ["options"] = options ?? [] },
            channelId, permissions, locale, inGuild);

    /// <param name="onEphemeral">The clicked message is ephemeral (flags 64), as a practice or review question is.</param>
    /// <param name="inGuild">False: a click in the bot's DM (a reminder), with <c>user</c> and no <c>guild_id</c>.</param>
    public static JsonObject Button(string id, string customId, string channelId = "chan-1", string userId = "user-1", string locale = "en-US",
        bool onEphemeral = false, bool inGuild = true)
    {
        var payload = Interaction(id, 3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }, channelId,
            inGuild ? NoPermissions : null, locale, inGuild, userId);
        payload["message"] = new JsonObject { ["id"] = "msg-1", ["channel_id"] = channelId, ["content"] = "", ["flags"] = onEphemeral ? 64 : 0 };
        return payload;
    }

    public static JsonObject Autocomplete(string id, string name, string optionName, string typed) =>
        Interaction(id, 4, new JsonObject
        {
            ["id"] = "cmd-" + name,
            ["name"] = name,
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = optionName, ["type"] = 3, ["value"] = typed, ["focused"] = true }),
        }, "chan-1", NoPermissions, "en-US", true);

    public static JsonObject Option(string name, string value) => new() { ["name"] = name, ["type"] = 3, ["value"] = value };

    public static JsonObject SubCommand(string name, params JsonObject[] options) =>
        new() { ["name"] = name, ["type"] = 1, ["options"] = new JsonArray(options.Select(o => (JsonNode)o).ToArray()) };

    public static JsonObject Interaction(string id, int type, JsonObject data, string channelId, string? permissions, string locale,
        bool inGuild, string userId = "user-1")
    {
        var user = new JsonObject { ["id"] = userId, ["username"] = "alice", ["global_name"] = "Alice", ["discriminator"] = "0" };
        var payload = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = "app-1",
            ["type"] = type,
            ["data"] = data,
            ["channel_id"] = channelId,
            ["channel"] = new JsonObject { ["id"] = channelId, ["type"] = inGuild ? 0 : 1 },
            ["token"] = "itoken-" + id,
            ["version"] = 1,
            ["locale"] = locale,
            ["app_permissions"] = "2248473465835073",
            ["entitlements"] = new JsonArray(),
        };
        if (inGuild)
        {
            payload["guild_id"] = "guild-1";
            payload["guild_locale"] = "en-US";
            payload["member"] = new JsonObject { ["user"] = user, ["nick"] = "Ali", ["roles"] = new JsonArray(), ["permissions"] = permissions };
        }
        else
        {
            payload["user"] = user;
        }
        return payload;
    }
}
