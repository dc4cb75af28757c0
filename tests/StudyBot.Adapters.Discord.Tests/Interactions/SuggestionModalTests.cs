using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace StudyBot.Adapters.Discord.Tests.Interactions;

/// <summary>
/// <c>/suggest</c> on Discord against the fake, with the real core and SQLite: the modal (type 9), its
/// submit (type 5) read from <c>data.components</c>, "Edit and resend" pre-filled, the review buttons,
/// and the approved question posted the next day. Every request is checked against Discord's OpenAPI spec.
/// </summary>
public sealed class SuggestionModalTests(ITestOutputHelper output)
{
    private const string Admin = Payloads.ManageChannels;

    private static JsonObject Submit(string id, string customId, IReadOnlyDictionary<string, string> values, bool labels = true, string? permissions = Payloads.NoPermissions)
    {
        // Discord sends each text input inside its label (type 18, "component"), or in an action row (type 1, "components") for older modals.
        var rows = new JsonArray(values.Select(v =>
        {
            var input = new JsonObject { ["type"] = 4, ["id"] = 2, ["custom_id"] = v.Key, ["value"] = v.Value };
            return (JsonNode)(labels
                ? new JsonObject { ["type"] = 18, ["id"] = 1, ["component"] = input }
                : new JsonObject { ["type"] = 1, ["id"] = 1, ["components"] = new JsonArray(input) });
        }).ToArray());
        return Payloads.Interaction(id, 5, new JsonObject { ["custom_id"] = customId, ["components"] = rows }, "chan-1", permissions, "en-US", true);
    }

    private static Dictionary<string, string> Typed(string choices = "In a Region\nIn one Availability Zone\nAt an edge location", string answer = "B") => new()
    {
        ["prompt"] = "Where is an EBS snapshot stored? @everyone <@123456789012345678> <b>bold</b>",
        ["choices"] = choices,
        ["answer"] = answer,
        ["explanation"] = "Snapshots go to S3, spread over the Region.",
        ["topic"] = "ebs",
    };

    private static string Title(JsonElement data) => data.GetProperty("embeds")[0].GetProperty("title").GetString()!;

    private static string Description(JsonElement data) => data.GetProperty("embeds")[0].GetProperty("description").GetString()!;

    private static IEnumerable<(string Label, string Id)> Buttons(JsonElement data) =>
        data.GetProperty("components").EnumerateArray().SelectMany(r => r.GetProperty("components").EnumerateArray())
            .Select(b => (b.GetProperty("label").GetString()!, b.GetProperty("custom_id").GetString()!));

    private static Dictionary<string, string?> ModalValues(JsonElement modal) =>
        modal.GetProperty("components").EnumerateArray().Where(c => c.GetProperty("type").GetInt32() == 18)
            .Select(c => c.GetProperty("component"))
            .ToDictionary(i => i.GetProperty("custom_id").GetString()!, i => i.TryGetProperty("value", out var v) ? v.GetString() : null);

    [Fact]
    public async Task Suggest_opens_a_modal_and_errors_come_back_privately_with_a_resend_that_keeps_what_was_typed()
    {
        await using var bot = await RealCoreBot.StartAsync(output);

        var opened = await bot.CallbackAsync(Payloads.SlashCommand("int-suggest", "suggest"));
        Assert.Equal(9, opened.Json.GetProperty("type").GetInt32());
        var modal = opened.Json.GetProperty("data");
        Assert.Equal("sb:f:new", modal.GetProperty("custom_id").GetString());
        Assert.Contains("one language is enough", modal.GetProperty("components")[0].GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(["prompt", "choices", "answer", "explanation", "topic"], ModalValues(modal).Keys);

        var bad = Typed(choices: string.Join('\n', Enumerable.Range(1, 7).Select(i => $"Choice {i}")), answer: "H");
        var refused = await bot.InteractAsync(Submit("int-bad", "sb:f:new", bad));
        Assert.Equal(64, refused.GetProperty("flags").GetInt32());
        Assert.Equal("Please fix the suggestion", Title(refused));
        Assert.Contains("has 7 choices", Description(refused), StringComparison.Ordinal);
        Assert.Contains("answer 'H' must be a choice letter", Description(refused), StringComparison.Ordinal);
        var (label, resendId) = Assert.Single(Buttons(refused));
        Assert.Equal("Edit and resend", label);

        var reopened = await bot.CallbackAsync(Payloads.Button("int-resend", resendId, onEphemeral: true));
        Assert.Equal(9, reopened.Json.GetProperty("type").GetInt32());
        Assert.Equal(bad.ToDictionary(v => v.Key, v => (string?)v.Value), ModalValues(reopened.Json.GetProperty("data")));
    }

    [Fact]
    public async Task An_approved_suggestion_is_posted_the_next_day_written_by_its_member_and_pings_nobody()
    {
        await using var bot = await RealCoreBot.StartAsync(output);
        await bot.InteractAsync(Payloads.SlashCommand("int-setup", "study",
            [Payloads.SubCommand("setup", Payloads.Option("time", "09:00"), Payloads.Option("timezone", "Asia/Seoul"))], permissions: Admin));
        await bot.InteractAsync(Payloads.SlashCommand("int-now", "study", [Payloads.SubCommand("now")], permissions: Admin));

        var thanks = await bot.InteractAsync(Submit("int-ok", "sb:f:new", Typed(), labels: false));
        Assert.Equal("Thanks, your question is in the queue", Title(thanks));

        var queue = await bot.InteractAsync(Payloads.SlashCommand("int-list", "study", [Payloads.SubCommand("suggestions")], permissions: Admin));
        Assert.Equal(64, queue.GetProperty("flags").GetInt32());
        var approve = Buttons(queue).Single(b => b.Label == "Approve").Id;

        var refused = await bot.InteractAsync(Payloads.Button("int-member", approve, userId: "user-2", onEphemeral: true));
        Assert.Equal("Admins only", Title(refused));
        var first = Payloads.Button("int-admin-1", approve, onEphemeral: true);
        first["member"]!["permissions"] = Admin;
        var approved = await bot.CallbackAsync(first);
        Assert.StartsWith("Approved #1", Title(approved.Json.GetProperty("data")), StringComparison.Ordinal);
        var second = Payloads.Button("int-admin-2", approve, onEphemeral: true);
        second["member"]!["permissions"] = Admin;
        Assert.Equal("Already decided", Title(await bot.InteractAsync(second)));

        await bot.InteractAsync(Payloads.SlashCommand("int-close", "study", [Payloads.SubCommand("close")], permissions: Admin));
        bot.Clock.Set(bot.Clock.GetUtcNow().AddDays(1));
        await bot.InteractAsync(Payloads.SlashCommand("int-next", "study", [Payloads.SubCommand("now")], permissions: Admin));

        var post = bot.Fake.MessagesPostedIn("chan-1")[^1].Json; // the daily post, not its thread
        var embed = post.GetProperty("embeds")[0];
        Assert.StartsWith("Written by Ali · ", embed.GetProperty("footer").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("@everyone <@123456789012345678> <b>bold</b>", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Empty(post.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        Assert.False(post.TryGetProperty("content", out _), "member text goes only into the embed, which never pings");
    }
}
