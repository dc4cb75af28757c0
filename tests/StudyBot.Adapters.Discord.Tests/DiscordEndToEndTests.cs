using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;
using Xunit.Abstractions;

namespace StudyBot.Adapters.Discord.Tests;

/// <summary>
/// The whole path on Discord: the fake Discord's gateway and REST ⇄ the Discord adapter ⇄ the real
/// core (<c>StudyInbox</c>) ⇄ a real SQLite file, with real Quartz, built by the app's own
/// <see cref="StudyBotHost"/>. Everything the test sees went over the wire.
/// </summary>
public sealed class DiscordEndToEndTests(ITestOutputHelper output)
{
    private const string Channel = "chan-1";

    [Fact]
    public async Task Setup_post_answers_close_and_leaderboard_over_the_gateway_on_real_storage()
    {
        await using var bot = await RealCoreBot.StartAsync(output);

        // 1. An admin sets the channel up.
        var setup = await bot.InteractAsync(Payloads.SlashCommand("int-setup", "study",
            [Payloads.SubCommand("setup", Payloads.Option("time", "09:00"), Payloads.Option("timezone", "Asia/Seoul"))],
            permissions: Payloads.ManageChannels));
        Assert.False(setup.TryGetProperty("flags", out _), "the setup confirmation is for the channel");
        Assert.Equal("Daily questions are on", Title(setup));
        Assert.Contains("09:00 Asia/Seoul", Description(setup), StringComparison.Ordinal);

        // 2. /study now posts the question: an embed with one button per choice. Discord answers with the message's id.
        const string messageId = "1290000000000000001";
        bot.Fake.Script(r => r.Is("POST", $"channels/{Channel}/messages") ? new FakeResponse(200, $$"""{"id": "{{messageId}}", "channel_id": "{{Channel}}"}""") : null);
        var now = await bot.InteractAsync(Payloads.SlashCommand("int-now", "study", [Payloads.SubCommand("now")], permissions: Payloads.ManageChannels));
        Assert.Equal((64, "Posted"), (Flags(now), Title(now)));
        var posted = Assert.Single(bot.Fake.MessagesPostedIn(Channel));
        var question = posted.Json.GetProperty("embeds")[0];
        Assert.Equal("Question of the day · Amazon EBS", question.GetProperty("title").GetString());
        Assert.Contains("Where does an EBS volume live?", question.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("(Asia/Seoul)", question.GetProperty("footer").GetProperty("text").GetString(), StringComparison.Ordinal);
        var buttons = posted.Json.GetProperty("components").EnumerateArray()
            .SelectMany(row => row.GetProperty("components").EnumerateArray())
            .Select(b => (Label: b.GetProperty("label").GetString()!, Id: b.GetProperty("custom_id").GetString()!))
            .ToList();
        Assert.Equal(["A. In a Region", "B. In one Availability Zone", "C. In an edge location"], buttons.Select(b => b.Label));
        var choice = buttons.Select(b => Assert.IsType<ButtonAction.DailyAnswer>(Parse(b.Id))).ToList();
        var postId = choice[0].PostId;
        Assert.All(choice, c => Assert.Equal(postId, c.PostId));
        Assert.Equal([0, 1, 2], choice.Select(c => c.Choice));
        var stored = await bot.Posts.FindAsync(postId, default);
        Assert.Equal(messageId, stored?.MessageId);
        // Threads are on by default: one public thread on the post, named after its topic and local date.
        var thread = Assert.Single(bot.Fake.RequestsTo("POST", $"channels/{Channel}/messages/{messageId}/threads"));
        var threadName = "Amazon EBS · " + stored!.LocalDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(threadName, thread.Json.GetProperty("name").GetString());
        Assert.Equal((Channel, threadName), bot.Fake.Threads[messageId]);

        // 3. Three people answer: two right (B), one wrong (A). Each click waits for its reply, so the order is known.
        foreach (var (id, user, name, button) in new[]
                 {
                     ("int-c1", "user-mina", "Mina", buttons[1].Id),
                     ("int-c2", "user-joon", "Joon", buttons[0].Id),
                     ("int-c3", "user-sora", "Sora", buttons[1].Id),
                 })
        {
            var recorded = await bot.InteractAsync(Click(id, button, messageId, user, name));
            Assert.Equal((64, "Answer recorded"), (Flags(recorded), Title(recorded)));
        }
        // Joon tries again, now with the right answer; forged ids name a post that does not exist and a choice that cannot be.
        var again = await bot.InteractAsync(Click("int-c4", buttons[1].Id, messageId, "user-joon", "Joon"));
        Assert.Equal((64, "Already answered"), (Flags(again), Title(again)));
        var unknownPost = await bot.InteractAsync(Click("int-f1", ButtonIds.Daily(postId + 1000, 1), messageId, "user-eve", "Eve"));
        Assert.Equal((64, "Unknown question"), (Flags(unknownPost), Title(unknownPost)));
        Assert.Equal("This question is not one I posted, or it has been removed.", Description(unknownPost));
        var badChoice = await bot.InteractAsync(Click("int-f2", $"sb:a:{postId}:9:-1", messageId, "user-eve", "Eve"));
        Assert.Equal((64, "Unknown choice"), (Flags(badChoice), Title(badChoice)));
        Assert.Contains("nothing was recorded", Description(badChoice), StringComparison.Ordinal);

        // Storage holds exactly the three first answers.
        var results = await bot.Posts.ResultsAsync(postId, default);
        Assert.Equal((3, 2, "Mina"), (results.Answered, results.Correct, results.FirstCorrectName));
        Assert.Equal([1, 2, 0], results.ChoiceCounts.Take(3));

        // 4. /study close edits the question into the reveal and drops the buttons.
        var close = await bot.InteractAsync(Payloads.SlashCommand("int-close", "study", [Payloads.SubCommand("close")], permissions: Payloads.ManageChannels));
        Assert.Equal((64, "Closed"), (Flags(close), Title(close)));
        var edit = Assert.Single(bot.Fake.RequestsTo("PATCH", $"channels/{Channel}/messages/"));
        Assert.Equal($"channels/{Channel}/messages/{messageId}", edit.Path);
        Assert.Equal(0, edit.Json.GetProperty("components").GetArrayLength());
        var reveal = edit.Json.GetProperty("embeds")[0];
        Assert.Equal("Answer: B · Amazon EBS", reveal.GetProperty("title").GetString());
        var revealText = reveal.GetProperty("description").GetString()!;
        Assert.Contains("✅ **B.** In one Availability Zone (2)", revealText, StringComparison.Ordinal);
        Assert.Contains("▫️ **A.** In a Region (1)", revealText, StringComparison.Ordinal);
        Assert.Contains("An EBS volume is bound to one Availability Zone.", revealText, StringComparison.Ordinal);
        var fields = reveal.GetProperty("fields").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString()!);
        Assert.Equal(("3", "67%", "Mina"), (fields["Answered"], fields["Correct"], fields["First correct"]));
        Assert.NotNull((await bot.Posts.FindAsync(postId, default))?.ClosedAt);
        // The summary goes into the thread (its id is the message's), with the same never-ping mentions as every message.
        var summary = Assert.Single(bot.Fake.MessagesPostedIn(messageId));
        Assert.Equal("Answer: B", summary.Json.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Equal("67% correct (2 of 3) · first right: Mina", summary.Json.GetProperty("embeds")[0].GetProperty("description").GetString());
        Assert.Equal("""{"parse":[]}""", summary.Json.GetProperty("allowed_mentions").GetRawText());

        // 5. The weekly board: the two right answers above the wrong one; nobody else.
        var board = await bot.InteractAsync(Payloads.SlashCommand("int-board", "leaderboard"));
        Assert.False(board.TryGetProperty("flags", out _), "the leaderboard is for the channel");
        Assert.StartsWith("Leaderboard · week", Title(board), StringComparison.Ordinal);
        var rows = Description(board).Split('\n');
        Assert.Equal(3, rows.Length);
        Assert.Equal(["🥇 **Mina** — 10 pts (1/1)", "🥇 **Sora** — 10 pts (1/1)"], rows[..2].Order(StringComparer.Ordinal));
        Assert.Equal("3. **Joon** — 0 pts (0/1)", rows[2]);

        // 6. Someone who cannot manage the channel cannot post a question.
        var denied = await bot.InteractAsync(Payloads.SlashCommand("int-denied", "study", [Payloads.SubCommand("now")],
            permissions: Payloads.NoPermissions));
        Assert.Equal((64, "Admins only"), (Flags(denied), Title(denied)));
        Assert.Contains("/study now", Description(denied), StringComparison.Ordinal);

        Assert.Single(bot.Fake.MessagesPostedIn(Channel));
        Assert.Single(bot.Fake.RequestsTo("PATCH", $"channels/{Channel}/messages/"));
        // Every reply was a direct callback: no deferral edited @original, no follow-up was sent.
        Assert.DoesNotContain(bot.Fake.Requests, r => r.Path.StartsWith("webhooks/", StringComparison.Ordinal));
        Assert.True(bot.Adapters.IsRunning("discord"));
        Assert.DoesNotContain(bot.Logs.Entries, l => l.Level >= LogLevel.Error);
    }

    /// <summary>A guild click by one member, on the posted message.</summary>
    private static JsonObject Click(string id, string customId, string messageId, string userId, string name)
    {
        var payload = Payloads.Button(id, customId, Channel, userId);
        var member = payload["member"]!.AsObject();
        member["nick"] = name;
        member["user"]!["username"] = name.ToLowerInvariant();
        member["user"]!["global_name"] = name;
        payload["message"]!["id"] = messageId;
        return payload;
    }

    private static ButtonAction Parse(string customId)
    {
        Assert.True(ButtonIds.TryParse(customId, out var action), $"custom_id {customId} is not a StudyBot button");
        return action;
    }

    private static string Title(JsonElement data) => data.GetProperty("embeds")[0].GetProperty("title").GetString()!;

    private static string Description(JsonElement data) => data.GetProperty("embeds")[0].GetProperty("description").GetString()!;

    private static int Flags(JsonElement data) => data.TryGetProperty("flags", out var flags) ? flags.GetInt32() : 0;
}
