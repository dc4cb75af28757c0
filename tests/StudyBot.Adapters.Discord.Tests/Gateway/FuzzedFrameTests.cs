using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Discord.Client.Gateway;

namespace StudyBot.Adapters.Discord.Tests.Gateway;

/// <summary>Property tests: odd gateway frames never throw, never drop the connection, and are reported.</summary>
public class FuzzedFrameTests
{
    private static JsonObject Dispatch(long sequence, JsonObject interaction) =>
        new() { ["op"] = 0, ["s"] = sequence, ["t"] = "INTERACTION_CREATE", ["d"] = interaction };

    private static readonly JsonNode[] Valid =
    [
        Dispatch(2, Payloads.SlashCommand("int-fuzz-1", "topic", new JsonArray(Payloads.Option("query", "ebs")))),
        Dispatch(3, Payloads.Button("int-fuzz-2", "sb:a:1:0:-1")),
        Dispatch(4, Payloads.Autocomplete("int-fuzz-3", "topic", "query", "eb")),
    ];

    private static int? ExpectedOp(string frame)
    {
        try
        {
            return JsonNode.Parse(frame) is JsonObject obj && obj["op"] is JsonValue op && op.GetValueKind() == System.Text.Json.JsonValueKind.Number
                && op.TryGetValue<int>(out var code) ? code : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    [Fact]
    public void Parsing_any_frame_never_throws_and_accepts_exactly_gateway_payloads()
    {
        var property = Prop.ForAll(Arb.From(JsonFuzz.Frames(Valid)), frame =>
        {
            // Never throws, and accepts exactly the JSON objects with an integer "op", keeping that op.
            var accepted = GatewayFrame.TryParse(System.Text.Encoding.UTF8.GetBytes(frame), out var parsed);
            var expected = ExpectedOp(frame);
            return accepted == expected.HasValue && (!accepted || parsed.Op == expected);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }

    [Fact]
    public async Task Random_and_mutated_frames_never_break_the_connection_and_rejections_are_logged()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (connection, _) = await host.ConnectAsync();
        var probes = 0;

        // Each case sends one odd frame, then a well-formed slash command that must still get its callback.
        var property = Prop.ForAll(Arb.From(JsonFuzz.Frames(Valid)), frame =>
        {
            connection.SendTextAsync(frame).GetAwaiter().GetResult();
            var id = $"probe-{++probes}";
            connection.SendAsync(Dispatch(100 + probes, Payloads.SlashCommand(id, "help"))).GetAwaiter().GetResult();
            fake.WaitForRequestAsync(r => r.Is("POST", $"interactions/{id}/")).GetAwaiter().GetResult();
            return true;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), property);

        Assert.Equal(1, fake.ConnectionCount);
        Assert.Empty(host.Adapters.Failures);
        Assert.DoesNotContain(host.Logs.Entries, l => l.Level >= LogLevel.Critical);
        Assert.Contains(host.Logs.Entries, l => l.Level == LogLevel.Warning);
    }
}
