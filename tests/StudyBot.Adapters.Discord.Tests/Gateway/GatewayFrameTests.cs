using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace StudyBot.Adapters.Discord.Tests.Gateway;

public sealed class GatewayFrameTests
{
    [Fact]
    public async Task Unknown_fields_opcodes_and_dispatch_types_are_ignored()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (connection, _) = await host.ConnectAsync();

        await connection.SendAsync(new JsonObject { ["op"] = 0, ["s"] = 2, ["t"] = "SOME_FUTURE_EVENT", ["d"] = new JsonObject { ["x"] = 1 }, ["extra"] = "field" });
        await connection.DispatchAsync("GUILD_CREATE", 3, new JsonObject { ["id"] = "guild-1", ["channels"] = new JsonArray() });
        await connection.OpAsync(42, "whatever");
        var help = Payloads.SlashCommand("int-1", "help");
        help["brand_new_field"] = new JsonObject { ["nested"] = new JsonArray(1, 2) };
        help["data"]!["unknown"] = true;
        await connection.DispatchAsync("INTERACTION_CREATE", 4, help);

        var call = await host.Inbox.NextCallAsync();
        Assert.Equal("help", call.Text);
        await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/int-1/"));
        Assert.Equal(1, fake.ConnectionCount);
    }

    [Fact]
    public async Task A_malformed_frame_is_logged_and_skipped_and_the_connection_is_kept()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (connection, _) = await host.ConnectAsync();

        await connection.SendTextAsync("{not json");
        await connection.SendTextAsync("[1, 2, 3]");
        await connection.SendTextAsync("""{"op": "zero", "d": {}}""");
        await connection.DispatchAsync("INTERACTION_CREATE", 2, new JsonObject { ["id"] = "int-broken", ["type"] = 2 });
        await connection.DispatchAsync("INTERACTION_CREATE", 3, Payloads.SlashCommand("int-1", "help"));

        await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/int-1/"));
        Assert.Equal(1, fake.ConnectionCount);
        Assert.Equal(3, host.Logs.Entries.Count(l => l.Level == LogLevel.Warning && l.Message.Contains("malformed gateway frame", StringComparison.Ordinal)));
        await host.Logs.WaitForAsync(LogLevel.Warning, "Dropped an interaction without an id, token or user");
        Assert.Single(host.Inbox.Calls);
    }
}
