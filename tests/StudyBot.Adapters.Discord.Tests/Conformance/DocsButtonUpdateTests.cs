using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Tests.Conformance;

/// <summary>
/// Callback types 7 (UPDATE_MESSAGE) and 6 (DEFERRED_UPDATE_MESSAGE) for the docs' button clicks: only the DM's
/// clicked message may be replaced; the fake checks every body against the spec.
/// </summary>
public sealed class DocsButtonUpdateTests
{
    private static ChatReply NextCard() =>
        new(new ChatMessage("Correct · next card", "Which volume type…?", [], [new ChatButton("sb:p:q2:0:-1", "A. gp3")]), true, ReplacesClicked: true);

    [Theory]
    [InlineData(DocsPayloads.ButtonDm, 7)]
    // In a server the clicked message is public: the reply is a new private message instead.
    [InlineData(DocsPayloads.ButtonGuild, 4)]
    public async Task A_replacing_reply_updates_the_clicked_message_only_in_a_DM(string payload, int callbackType)
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        host.Inbox.OnClick = (_, _) => Task.FromResult(NextCard());
        var (connection, _) = await host.ConnectAsync();

        await connection.SendTextAsync(DocsPayloads.Text(payload));

        var callback = await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/846462639134605312/unique_interaction_token/callback"));
        Assert.Equal(callbackType, callback.Json.GetProperty("type").GetInt32());
        Assert.Equal("sb:p:q2:0:-1",
            callback.Json.GetProperty("data").GetProperty("components")[0].GetProperty("components")[0].GetProperty("custom_id").GetString());
    }

    [Fact]
    public async Task A_late_replacing_reply_in_a_DM_is_a_deferred_update_then_an_edit_of_the_original()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, new Dictionary<string, string?> { ["StudyBot:Discord:DeferAfter"] = "00:00:00.001" });
        // Held until the deferral is seen: late whatever the machine's speed.
        host.Inbox.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Inbox.OnClick = (_, _) => Task.FromResult(NextCard());
        var (connection, _) = await host.ConnectAsync();

        await connection.SendTextAsync(DocsPayloads.Text(DocsPayloads.ButtonDm));

        var deferred = await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/846462639134605312/"));
        Assert.Equal(6, deferred.Json.GetProperty("type").GetInt32());
        host.Inbox.Gate.SetResult();
        var edit = await fake.WaitForRequestAsync(r => r.Is("PATCH", "webhooks/290926444748734465/unique_interaction_token/messages/@original"));
        Assert.Equal("Correct · next card", edit.Json.GetProperty("embeds")[0].GetProperty("title").GetString());
    }
}
