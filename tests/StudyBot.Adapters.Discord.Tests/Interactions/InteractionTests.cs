using System.Diagnostics;
using System.Text.Json.Nodes;
using StudyBot.Core.Content;
using Xunit.Abstractions;

namespace StudyBot.Adapters.Discord.Tests.Interactions;

public sealed class InteractionTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_slash_command_is_answered_within_the_deadline_with_the_core_reply()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (connection, _) = await host.ConnectAsync();

        var sent = Stopwatch.GetTimestamp();
        await connection.DispatchAsync("INTERACTION_CREATE", 2,
            Payloads.SlashCommand("int-1", "topic", [Payloads.Option("query", "ebs  volume\nsnapshot")]));

        var callback = await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/int-1/itoken-int-1/callback"));
        output.WriteLine($"slash command answered {callback.Since(sent).TotalMilliseconds:F0} ms after dispatch");
        Assert.True(callback.Since(sent) < Deadline, $"answered after {callback.Since(sent)}");
        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        var data = callback.Json.GetProperty("data");
        Assert.Equal("reply to topic ebs volume snapshot", data.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.False(data.TryGetProperty("flags", out _), "a public reply is not ephemeral");
        Assert.Equal(0, data.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        var call = Assert.Single(host.Inbox.Calls);
        Assert.Equal("topic ebs volume snapshot", call.Text);
        Assert.Equal(new Core.Chat.ChannelAddress("discord", "chan-1"), call.Context.Channel);
    }

    [Fact]
    public async Task Study_setup_options_become_the_command_line_and_manage_channels_makes_an_admin()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (connection, _) = await host.ConnectAsync();
        // Options arrive in the order the user filled them in; the command line follows the declared order.
        var setup = Payloads.SubCommand("setup", Payloads.Option("timezone", "Asia/Seoul"), Payloads.Option("time", "09:00"));

        await connection.DispatchAsync("INTERACTION_CREATE", 2, Payloads.SlashCommand("int-1", "study", [setup], permissions: Payloads.ManageChannels));
        await connection.DispatchAsync("INTERACTION_CREATE", 3, Payloads.SlashCommand("int-2", "study",
            [Payloads.SubCommand("now")], permissions: Payloads.NoPermissions));

        // Handlers run side by side, so the calls may arrive in either order.
        var calls = new[] { await host.Inbox.NextCallAsync(), await host.Inbox.NextCallAsync() };
        var admin = calls.Single(c => c.Text.StartsWith("study setup", StringComparison.Ordinal));
        var member = calls.Single(c => c.Text.StartsWith("study now", StringComparison.Ordinal));
        Assert.Equal("study setup 09:00 Asia/Seoul", admin.Text);
        Assert.True(admin.Context.IsAdmin);
        Assert.Equal("study now", member.Text);
        Assert.False(member.Context.IsAdmin);
    }

    [Fact]
    public async Task A_button_click_goes_to_the_core_and_its_reply_is_ephemeral()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (connection, _) = await host.ConnectAsync();

        var sent = Stopwatch.GetTimestamp();
        await connection.DispatchAsync("INTERACTION_CREATE", 2, Payloads.Button("int-1", "sb:a:1:2:-1"));

        var callback = await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/int-1/"));
        output.WriteLine($"button click answered {callback.Since(sent).TotalMilliseconds:F0} ms after dispatch");
        Assert.True(callback.Since(sent) < Deadline);
        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        Assert.Equal(64, callback.Json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("Answer recorded", callback.Json.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());
        var call = Assert.Single(host.Inbox.Calls);
        Assert.Equal(("button", "sb:a:1:2:-1", "user-1"), (call.Kind, call.Text, call.Context.User.UserId));
    }

    [Fact]
    public async Task Topic_autocomplete_offers_at_most_25_choices_within_the_deadline()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (connection, _) = await host.ConnectAsync();

        var sent = Stopwatch.GetTimestamp();
        await connection.DispatchAsync("INTERACTION_CREATE", 2, Payloads.Autocomplete("int-1", "topic", "query", "topic"));

        var callback = await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/int-1/"));
        output.WriteLine($"autocomplete answered {callback.Since(sent).TotalMilliseconds:F0} ms after dispatch");
        Assert.True(callback.Since(sent) < Deadline);
        Assert.Equal(8, callback.Json.GetProperty("type").GetInt32());
        var choices = callback.Json.GetProperty("data").GetProperty("choices");
        Assert.Equal(25, choices.GetArrayLength());
        Assert.Equal("Topic 1", choices[0].GetProperty("value").GetString());
        var call = Assert.Single(host.Inbox.Calls);
        Assert.Equal(("complete", "topic"), (call.Kind, call.Text));
    }

    [Fact]
    public async Task A_slow_core_is_deferred_ephemerally_within_3_seconds_and_the_original_response_is_edited()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        host.Inbox.Delay = TimeSpan.FromMilliseconds(2600);
        var (connection, _) = await host.ConnectAsync();

        var sent = Stopwatch.GetTimestamp();
        await connection.DispatchAsync("INTERACTION_CREATE", 2, Payloads.SlashCommand("int-1", "stats"));

        var deferred = await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/int-1/"));
        var edit = await fake.WaitForRequestAsync(r => r.Is("PATCH", "webhooks/app-1/itoken-int-1/messages/@original"));
        output.WriteLine($"slow core: deferred {deferred.Since(sent).TotalMilliseconds:F0} ms, @original edited {edit.Since(sent).TotalMilliseconds:F0} ms after dispatch");
        Assert.True(deferred.Since(sent) < Deadline, $"first response after {deferred.Since(sent)}");
        Assert.Equal(5, deferred.Json.GetProperty("type").GetInt32());
        Assert.Equal(64, deferred.Json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("reply to stats", edit.Json.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Single(fake.RequestsTo("POST", "interactions/int-1/"));
        Assert.Empty(fake.RequestsTo("POST", "webhooks/"));
    }

    [Fact]
    public async Task A_slow_public_reply_resolves_the_private_placeholder_then_posts_for_everyone()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, new Dictionary<string, string?> { ["StudyBot:Discord:DeferAfter"] = "00:00:00.100" });
        host.Inbox.Delay = TimeSpan.FromMilliseconds(300);
        var (connection, _) = await host.ConnectAsync();

        await connection.DispatchAsync("INTERACTION_CREATE", 2, Payloads.SlashCommand("int-1", "leaderboard", [Payloads.Option("scope", "all")]));

        var followup = await fake.WaitForRequestAsync(r => r.Is("POST", "webhooks/app-1/itoken-int-1"));
        var edit = Assert.Single(fake.RequestsTo("PATCH", "webhooks/app-1/itoken-int-1/messages/@original"));
        Assert.True(edit.At < followup.At, "the placeholder must be resolved before the follow-up");
        Assert.Equal("Done", edit.Json.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Equal("reply to leaderboard all", followup.Json.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.False(followup.Json.TryGetProperty("flags", out _), "the follow-up is for everyone");
        Assert.Equal(5, Assert.Single(fake.RequestsTo("POST", "interactions/int-1/")).Json.GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task Guild_payloads_use_member_user_and_nick_and_DM_payloads_use_user()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (connection, _) = await host.ConnectAsync();

        await connection.DispatchAsync("INTERACTION_CREATE", 2, Payloads.SlashCommand("int-1", "stats", permissions: Payloads.ManageChannels));
        await connection.DispatchAsync("INTERACTION_CREATE", 3, Payloads.SlashCommand("int-2", "stats", channelId: "dm-9", permissions: null, inGuild: false));

        var calls = new[] { await host.Inbox.NextCallAsync(), await host.Inbox.NextCallAsync() };
        var guild = calls.Single(c => c.Context.Channel.ChannelId == "chan-1");
        var dm = calls.Single(c => c.Context.Channel.ChannelId == "dm-9");
        Assert.Equal(("user-1", "Ali", true), (guild.Context.User.UserId, guild.Context.User.DisplayName, guild.Context.IsAdmin));
        Assert.Equal(("user-1", "Alice", false, "dm-9"), (dm.Context.User.UserId, dm.Context.User.DisplayName, dm.Context.IsAdmin, dm.Context.Channel.ChannelId));
    }

    [Fact]
    public async Task A_Korean_client_gets_Korean_replies()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (connection, _) = await host.ConnectAsync();

        await connection.DispatchAsync("INTERACTION_CREATE", 2, Payloads.SlashCommand("int-1", "help", locale: "ko"));

        var call = await host.Inbox.NextCallAsync();
        Assert.Equal(Language.Ko, call.Context.Language);
        var callback = await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/int-1/"));
        Assert.Equal("한국어", callback.Json.GetProperty("data").GetProperty("embeds")[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task An_interaction_type_StudyBot_does_not_use_still_gets_an_ephemeral_answer()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (connection, _) = await host.ConnectAsync();
        var modal = Payloads.Interaction("int-1", 5, new JsonObject { ["custom_id"] = "modal", ["components"] = new JsonArray() },
            "chan-1", Payloads.NoPermissions, "en-US", inGuild: true);

        await connection.DispatchAsync("INTERACTION_CREATE", 2, modal);

        var callback = await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/int-1/"));
        Assert.Equal(64, callback.Json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Empty(host.Inbox.Calls);
    }
}
