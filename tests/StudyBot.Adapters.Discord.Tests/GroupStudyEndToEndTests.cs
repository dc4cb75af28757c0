using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace StudyBot.Adapters.Discord.Tests;

/// <summary>Threads, the study role, pins and join/leave over the fake Discord's gateway and REST, on real storage and Quartz.</summary>
public sealed class GroupStudyEndToEndTests(ITestOutputHelper output)
{
    private const string Channel = "chan-1";
    private const string Role = "987654321098765432";

    [Fact]
    public async Task The_daily_post_mentions_exactly_the_study_role_and_nothing_else_ever_pings()
    {
        await using var bot = await RealCoreBot.StartAsync(output);
        await AdminAsync(bot, "setup", Payloads.Option("time", "09:00"), Payloads.Option("timezone", "Asia/Seoul"));
        var ping = await AdminAsync(bot, "ping", RoleOption(Role));
        Assert.Contains(Role, Description(ping), StringComparison.Ordinal);

        await AdminAsync(bot, "now");

        var post = Assert.Single(bot.Fake.MessagesPostedIn(Channel));
        Assert.Equal($"<@&{Role}>", post.Json.GetProperty("content").GetString());
        Assert.Equal($$"""{"parse":[],"roles":["{{Role}}"]}""", post.Json.GetProperty("allowed_mentions").GetRawText());
        // Every other body the bot sent (replies, the thread, edits) allows no mention at all.
        Assert.All(bot.Fake.Requests.Where(r => r != post && r.Body.Contains("allowed_mentions", StringComparison.Ordinal)), r =>
        {
            var body = r.Json.TryGetProperty("data", out var data) ? data : r.Json;
            Assert.Equal("""{"parse":[]}""", body.GetProperty("allowed_mentions").GetRawText());
        });
    }

    [Fact]
    public async Task The_servers_everyone_role_and_a_non_admin_are_refused_and_change_nothing()
    {
        await using var bot = await RealCoreBot.StartAsync(output);
        await AdminAsync(bot, "ping", RoleOption(Role));

        // The @everyone role's id is the server's id.
        var everyone = await AdminAsync(bot, "ping", RoleOption("guild-1"));
        var member = await bot.InteractAsync(Payloads.SlashCommand("int-member", "study", [Payloads.SubCommand("ping", RoleOption("111111111111111111"))]));
        await AdminAsync(bot, "setup", Payloads.Option("time", "09:00"), Payloads.Option("timezone", "Asia/Seoul"));
        await AdminAsync(bot, "now");

        Assert.Equal((64, "\"@everyone\" is not a valid role"), (Flags(everyone), Title(everyone)));
        Assert.Equal((64, "Admins only"), (Flags(member), Title(member)));
        Assert.Equal($"<@&{Role}>", Assert.Single(bot.Fake.MessagesPostedIn(Channel)).Json.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Ping_left_empty_turns_the_mention_off()
    {
        await using var bot = await RealCoreBot.StartAsync(output);
        await AdminAsync(bot, "ping", RoleOption(Role));
        var off = await AdminAsync(bot, "ping");
        await AdminAsync(bot, "setup", Payloads.Option("time", "09:00"), Payloads.Option("timezone", "Asia/Seoul"));
        await AdminAsync(bot, "now");

        Assert.Equal("Daily questions mention nobody.", Description(off));
        var post = Assert.Single(bot.Fake.MessagesPostedIn(Channel));
        Assert.False(post.Json.TryGetProperty("content", out _));
        Assert.Equal("""{"parse":[]}""", post.Json.GetProperty("allowed_mentions").GetRawText());
    }

    [Fact]
    public async Task Pin_on_pins_the_post_and_the_close_unpins_it()
    {
        await using var bot = await RealCoreBot.StartAsync(output);
        await AdminAsync(bot, "setup", Payloads.Option("time", "09:00"), Payloads.Option("timezone", "Asia/Seoul"));
        await AdminAsync(bot, "pin", Payloads.Option("state", "on"));
        await AdminAsync(bot, "now");
        Assert.Single(bot.Fake.MessagesPostedIn(Channel));
        var messageId = await OpenMessageIdAsync(bot);

        Assert.True(bot.Fake.Pins.ContainsKey($"{Channel}/{messageId}"));
        await AdminAsync(bot, "close");

        Assert.Single(bot.Fake.RequestsTo("PUT", $"channels/{Channel}/messages/pins/{messageId}"));
        Assert.Single(bot.Fake.RequestsTo("DELETE", $"channels/{Channel}/messages/pins/{messageId}"));
        Assert.Empty(bot.Fake.Pins);
    }

    [Fact]
    public async Task Without_Create_Public_Threads_both_days_post_and_the_admin_gets_exactly_one_notice()
    {
        await using var bot = await RealCoreBot.StartAsync(output);
        for (var day = 0; day < 2; day++)
            bot.Fake.Script(r => r.Method == "POST" && r.Path.EndsWith("/threads", StringComparison.Ordinal) ? FakeDiscord.MissingPermissions() : null);
        await AdminAsync(bot, "setup", Payloads.Option("time", "09:00"), Payloads.Option("timezone", "Asia/Seoul"));

        var first = await AdminAsync(bot, "now");
        await AdminAsync(bot, "close");
        bot.Clock.Set(bot.Clock.GetUtcNow().AddDays(1));
        var second = await AdminAsync(bot, "now");

        Assert.Equal(("Posted", "Posted"), (Title(first), Title(second)));
        Assert.Equal(2, bot.Fake.MessagesPostedIn(Channel).Count);
        Assert.Equal(2, bot.Fake.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/threads", StringComparison.Ordinal)));
        Assert.Empty(bot.Fake.Threads);
        var notice = Assert.Single(bot.Fake.MessagesPostedIn("dm-" + AdminId));
        Assert.Contains("**Create Public Threads**", notice.Json.GetProperty("embeds")[0].GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_joins_and_leaves_the_study_role_and_a_refusal_says_who_can()
    {
        await using var bot = await RealCoreBot.StartAsync(output);
        await AdminAsync(bot, "ping", RoleOption(Role));

        var joined = await MemberAsync(bot, "join", "int-join");
        Assert.True(bot.Fake.MemberRoles.ContainsKey($"guild-1/user-1/{Role}"));
        var left = await MemberAsync(bot, "leave", "int-leave");
        Assert.Empty(bot.Fake.MemberRoles);
        bot.Fake.Script(r => r.Is("PUT", "guilds/") ? FakeDiscord.MissingPermissions() : null);
        var refused = await MemberAsync(bot, "join", "int-join-2");

        Assert.Equal(((64, "Joined"), (64, "Left")), ((Flags(joined), Title(joined)), (Flags(left), Title(left))));
        Assert.Equal((64, "The bot cannot change roles"), (Flags(refused), Title(refused)));
        Assert.Contains("Manage Roles", Description(refused), StringComparison.Ordinal);
        // The channel's server is looked up once, then remembered.
        Assert.Single(bot.Fake.RequestsTo("GET", $"channels/{Channel}"));
        Assert.Empty(bot.Fake.MemberRoles);
    }

    private static async Task<string> OpenMessageIdAsync(RealCoreBot bot) =>
        (await bot.Posts.ListOpenAsync(default)).Single().MessageId!;

    private static JsonObject RoleOption(string id) => new() { ["name"] = "role", ["type"] = 8, ["value"] = id };

    /// <summary>The admin's id is a snowflake: the missing-permission notice opens a DM with it, and Discord's spec checks the id.</summary>
    private const string AdminId = "800000000000000001";

    private static Task<JsonElement> AdminAsync(RealCoreBot bot, string sub, params JsonObject[] options) =>
        bot.InteractAsync(Payloads.Interaction("int-" + sub + "-" + Guid.NewGuid().ToString("N")[..6], 2,
            new JsonObject { ["id"] = "cmd-study", ["name"] = "study", ["type"] = 1, ["options"] = new JsonArray(Payloads.SubCommand(sub, options)) },
            Channel, Payloads.ManageChannels, "en-US", inGuild: true, userId: AdminId));

    private static Task<JsonElement> MemberAsync(RealCoreBot bot, string sub, string id) =>
        bot.InteractAsync(Payloads.SlashCommand(id, "study", [Payloads.SubCommand(sub)]));

    private static int Flags(JsonElement data) => data.TryGetProperty("flags", out var flags) ? flags.GetInt32() : 0;

    private static string Title(JsonElement data) => data.GetProperty("embeds")[0].GetProperty("title").GetString()!;

    private static string Description(JsonElement data) => data.GetProperty("embeds")[0].GetProperty("description").GetString()!;
}
