using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Logging;

namespace StudyBot.Adapters.Slack.Tests;

/// <summary>Property test: whatever arrives on the socket, the adapter keeps serving it.</summary>
public class FuzzedFrameTests
{
    [Fact]
    public async Task Random_and_mutated_frames_never_break_the_connection_and_each_rejection_is_logged()
    {
        await using var slack = await FakeSlack.StartAsync();
        var inbox = new RecordingInbox();
        await using var host = await SlackTestHost.StartAsync(slack, inbox);
        var socket = await slack.NextSocketAsync();
        JsonNode[] valid =
        [
            JsonNode.Parse(SlackEnvelopes.SlashCommand("env-fuzz-1", "topic ebs", slack.ResponseUrl("f1")))!,
            JsonNode.Parse(SlackEnvelopes.BlockAction("env-fuzz-2", "sb:a:1:0:-1", slack.ResponseUrl("f2")))!,
        ];
        var probes = 0;

        // Each case sends one odd frame, then a well-formed command that must still be acked with its reply.
        var property = Prop.ForAll(Arb.From(JsonFuzz.Frames(valid)), frame =>
        {
            socket.SendAsync(frame).GetAwaiter().GetResult();
            var id = $"probe-{++probes}";
            socket.SendAsync(SlackEnvelopes.SlashCommand(id, "stats", slack.ResponseUrl(id))).GetAwaiter().GetResult();
            return socket.AckAsync(id).GetAwaiter().GetResult().TryGetProperty("payload", out var reply) && reply.ValueKind == JsonValueKind.Object;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), property);

        Assert.Equal(1, slack.ConnectionsOpened);
        Assert.False(socket.Closed.IsCompleted);
        Assert.Empty(host.Adapters.Failures);
        Assert.DoesNotContain(host.Logs.Entries.All, e => e.Level >= LogLevel.Critical);
        // Rejections are reported: non-JSON frames at Debug (Slack sends some in practice), malformed envelopes at Warning.
        Assert.Contains(host.Logs.Entries.All, e => e.Message.StartsWith("Ignored", StringComparison.Ordinal));
    }
}
