using StudyBot.Core.Commands;
using System.Text.Json.Nodes;

namespace StudyBot.Adapters.Discord.Tests.Gateway;

public sealed class GatewaySessionTests
{
    [Fact]
    public async Task Identifies_with_no_intents_and_the_configured_shard_then_registers_commands_globally_after_READY()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, new Dictionary<string, string?>
        {
            ["StudyBot:Discord:ShardId"] = "1",
            ["StudyBot:Discord:ShardCount"] = "2",
        });

        var (connection, identify) = await host.ConnectAsync();

        Assert.StartsWith("/gateway?v=10&encoding=json", connection.Path, StringComparison.Ordinal);
        var d = identify.GetProperty("d");
        Assert.Equal(DiscordTestHost.Token, d.GetProperty("token").GetString());
        Assert.Equal(0, d.GetProperty("intents").GetInt32());
        Assert.Equal([1, 2], d.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("studybot", d.GetProperty("properties").GetProperty("browser").GetString());

        var put = await fake.WaitForRequestAsync(r => r.Is("PUT", "applications/app-1/commands"));
        // One Discord command per top-level command, a group (/study) counting once.
        Assert.Equal(CommandSpecs.All.Select(s => s.Group ?? s.Name).Distinct().Count(), put.Json.GetArrayLength());
        var getGateway = Assert.Single(fake.RequestsTo("GET", "gateway/bot"));
        Assert.Equal($"Bot {DiscordTestHost.Token}", getGateway.Authorization);
        Assert.StartsWith("DiscordBot (", getGateway.UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_go_to_one_server_when_a_development_guild_is_set()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, new Dictionary<string, string?> { ["StudyBot:Discord:CommandGuildId"] = "4242" });

        await host.ConnectAsync();

        await fake.WaitForRequestAsync(r => r.Is("PUT", "applications/app-1/guilds/4242/commands"));
        Assert.Empty(fake.RequestsTo("PUT", "applications/app-1/commands"));
    }

    [Fact]
    public async Task Heartbeats_carry_the_last_sequence_and_keep_an_acknowledged_connection_open()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        // Short, but long enough that a loaded test machine still ACKs within one interval.
        var (connection, _) = await host.ConnectAsync(heartbeatIntervalMs: 200);
        await connection.DispatchAsync("GUILD_CREATE", 2, new JsonObject { ["id"] = "guild-1" });

        // The first beat may go out before READY is read (d is null then); later ones carry the last sequence.
        long? last = null;
        for (var i = 0; i < 4; i++)
        {
            var d = (await connection.NextHeartbeatAsync()).Frame.GetProperty("d");
            last = d.ValueKind == System.Text.Json.JsonValueKind.Number ? d.GetInt64() : null;
        }

        Assert.Equal(2, last);
        Assert.Equal(1, fake.ConnectionCount);
    }

    [Fact]
    public async Task A_heartbeat_request_from_the_server_is_answered_at_once()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        // With a 45 s interval no scheduled beat is due for a while; only the request can cause one.
        var (connection, _) = await host.ConnectAsync(heartbeatIntervalMs: 45_000);
        await connection.DispatchAsync("GUILD_CREATE", 7, new JsonObject { ["id"] = "guild-1" });

        await connection.OpAsync(1);

        while (true)
        {
            var beat = await connection.NextHeartbeatAsync(TimeSpan.FromSeconds(2));
            if (beat.Frame.GetProperty("d").ValueKind == System.Text.Json.JsonValueKind.Number
                && beat.Frame.GetProperty("d").GetInt64() == 7) break;
        }
    }

    [Fact]
    public async Task A_missed_heartbeat_ACK_drops_the_zombie_connection_and_resumes()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var first = await fake.NextConnectionAsync();
        await first.HelloAsync(150);
        await first.ExpectAsync(2);
        await first.ReadyAsync(resumeUrl: fake.ResumeUrl);
        await first.DispatchAsync("GUILD_CREATE", 2, new JsonObject { ["id"] = "guild-1" });
        first.AutoAck = false;

        var second = await fake.NextConnectionAsync();
        await second.HelloAsync();
        var resume = (await second.ExpectAsync(6)).GetProperty("d");

        Assert.StartsWith("/resume?v=10&encoding=json", second.Path, StringComparison.Ordinal);
        Assert.Equal("session-1", resume.GetProperty("session_id").GetString());
        Assert.Equal(2, resume.GetProperty("seq").GetInt64());
        Assert.Equal(DiscordTestHost.Token, resume.GetProperty("token").GetString());
        Assert.Single(fake.RequestsTo("GET", "gateway/bot"));
    }

    [Fact]
    public async Task A_slow_handler_does_not_hold_up_heartbeats_or_other_interactions()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        host.Inbox.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (connection, _) = await host.ConnectAsync();
        await connection.DispatchAsync("INTERACTION_CREATE", 2, Payloads.SlashCommand("int-slow", "stats"));
        await host.Inbox.NextCallAsync();

        await connection.OpAsync(1);
        await connection.NextHeartbeatAsync(TimeSpan.FromSeconds(2));
        await connection.DispatchAsync("INTERACTION_CREATE", 3, Payloads.Autocomplete("int-fast", "topic", "query", "1"));
        await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/int-fast/"));
        Assert.Empty(fake.RequestsTo("POST", "interactions/int-slow/"));

        host.Inbox.Gate.SetResult();
        var slow = await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/int-slow/"));
        Assert.Equal(4, slow.Json.GetProperty("type").GetInt32());
    }
}
