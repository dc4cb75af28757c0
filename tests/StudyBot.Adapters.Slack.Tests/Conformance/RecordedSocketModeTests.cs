using System.Text.Json;
using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Slack.Client.SocketMode;

namespace StudyBot.Adapters.Slack.Tests.Conformance;

/// <summary>Socket Mode frames recorded by Slack's SDKs, read by the bot's own parser and, over the fake socket, its handlers.</summary>
public sealed class RecordedSocketModeTests
{
    [Fact]
    public void Hello_gives_the_connection_count()
    {
        var hello = Assert.IsType<HelloEnvelope>(SocketFrame.Parse(RecordedPayloads.Element("SocketMode/hello.json")));
        Assert.Equal(1, hello.NumConnections);
    }

    [Theory]
    [InlineData("warning", nameof(EndKind.Refresh))]
    [InlineData("refresh_requested", nameof(EndKind.Refresh))]
    [InlineData("link_disabled", nameof(EndKind.LinkDisabled))]
    [InlineData("too_many_websockets", nameof(EndKind.TooManyWebsockets))]
    public void Each_disconnect_reason_ends_the_connection_its_own_way(string reason, string kind)
    {
        var disconnect = Assert.IsType<DisconnectEnvelope>(SocketFrame.Parse(RecordedPayloads.Element($"SocketMode/disconnect.{reason}.json")));
        Assert.Equal(reason, disconnect.Reason);
        Assert.Equal(kind, ConnectionEnd.FromDisconnectReason(disconnect.Reason).Kind.ToString());
    }

    [Fact]
    public void A_slash_command_gives_user_channel_text_and_response_url()
    {
        var envelope = Assert.IsType<InboundEnvelope>(SocketFrame.Parse(RecordedPayloads.Element("SocketMode/slash_commands.json")));

        Assert.Equal(("xxx-11-222-yyy-zzz", "slash_commands", true, 0, (string?)null),
            (envelope.EnvelopeId, envelope.Type, envelope.AcceptsResponsePayload, envelope.RetryAttempt, envelope.RetryReason));
        var command = Assert.IsType<SlashCommandPayload>(envelope.Payload);
        Assert.Equal(new SlashCommandPayload("U111", "C111", "test-test-test", "", "https://hooks.slack.com/commands/T111/111/xxx", "111.222.xxx"), command);
    }

    [Theory]
    [InlineData("channel", false)]
    [InlineData("ephemeral", true)]
    public void A_button_click_gives_user_channel_action_and_where_it_was(string message, bool ephemeral)
    {
        var envelope = Assert.IsType<InboundEnvelope>(SocketFrame.Parse(RecordedPayloads.Element($"SocketMode/block_actions.{message}.json")));

        Assert.False(envelope.AcceptsResponsePayload);
        var click = Assert.IsType<BlockActionsPayload>(envelope.Payload);
        Assert.Equal(new BlockActionsPayload("U111", "test-test-test", "C111", "a", ephemeral, "https://hooks.slack.com/actions/T111/111/xxx", "111.222.xxx"), click);
    }

    [Fact]
    public void A_redelivered_envelope_carries_its_retry_fields()
    {
        var envelope = Assert.IsType<InboundEnvelope>(SocketFrame.Parse(RecordedPayloads.Element("SocketMode/events_api.retry.json")));

        Assert.Equal((1, "timeout"), (envelope.RetryAttempt, envelope.RetryReason));
        Assert.Equal(new UnusedPayload("events_api"), envelope.Payload);
    }

    [Fact]
    public async Task Recorded_command_and_clicks_reach_the_core_and_are_acked_and_answered()
    {
        await using var slack = await FakeSlack.StartAsync();
        var inbox = new RecordingInbox();
        await using var host = await SlackTestHost.StartAsync(slack, inbox);
        var socket = await slack.NextSocketAsync();

        await socket.SendAsync(RecordedPayloads.Envelope("SocketMode/slash_commands.json", slack.ResponseUrl("command")));
        var ack = await socket.AckAsync("xxx-11-222-yyy-zzz");
        await socket.SendAsync(RecordedPayloads.Envelope("SocketMode/block_actions.ephemeral.json", slack.ResponseUrl("click")));
        await socket.AckAsync("xxx-11-222-yyy-eph");
        var reply = await slack.CallAsync("respond", c => c.Path.EndsWith("/click", StringComparison.Ordinal));

        var command = Assert.Single(inbox.Commands.All);
        Assert.Equal(("help", "U111", "C111"), (command.Line, command.Context.User.UserId, command.Context.Channel.ChannelId));
        Assert.True(ack.TryGetProperty("payload", out var payload) && payload.TryGetProperty("blocks", out _), "the command's reply travels in the ack");
        var click = Assert.Single(inbox.Clicks.All);
        Assert.Equal(("a", "U111", "C111"), (click.ButtonId, click.Context.User.UserId, click.Context.Channel.ChannelId));
        Assert.True(reply.Body.TryGetProperty("blocks", out _));
    }

    [Fact]
    public async Task A_recorded_refresh_request_moves_the_bot_to_a_new_connection()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());
        var first = await slack.NextSocketAsync();

        await first.SendAsync(RecordedPayloads.Text("SocketMode/disconnect.refresh_requested.json"));

        var second = await slack.NextSocketAsync();
        Assert.NotEqual(first.Number, second.Number);
        await first.Closed.WaitAsync(Recorded<ApiCall>.DefaultTimeout);
        Assert.True(first.ClosedByBot);
    }

    [Fact]
    public async Task A_recorded_link_disabled_stops_the_adapter()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, new RecordingInbox());
        var socket = await slack.NextSocketAsync();

        await socket.SendAsync(RecordedPayloads.Text("SocketMode/disconnect.link_disabled.json"));

        await host.Logs.WaitForAsync(LogLevel.Critical, "The slack adapter stopped");
        Assert.Contains("link_disabled", host.Adapters.Failures["slack"]);
        Assert.Equal(1, slack.ConnectionsOpened);
    }

    public static TheoryData<string> FakeEnvelopes() => ["slash_commands", "block_actions"];

    /// <summary>The fake's envelopes (SlackEnvelopes) use only fields Slack's recorded ones have, so the handlers meet nothing Slack never sends.</summary>
    [Theory]
    [MemberData(nameof(FakeEnvelopes))]
    public void The_fake_Slack_envelopes_have_only_fields_Slack_sends(string kind)
    {
        var fake = JsonDocument.Parse(kind == "slash_commands"
            ? SlackEnvelopes.SlashCommand("e", "help", "https://hooks.slack.com/commands/x", retryAttempt: 1)
            : SlackEnvelopes.BlockAction("e", "sb:a:1:0:-1", "https://hooks.slack.com/actions/x", retryAttempt: 1)).RootElement;
        var recorded = RecordedPayloads.Element(kind == "slash_commands" ? "SocketMode/slash_commands.json" : "SocketMode/block_actions.channel.json");
        // Retry fields are on every envelope kind (recorded here on events_api).
        var retried = RecordedPayloads.Element("SocketMode/events_api.retry.json");

        foreach (var field in fake.EnumerateObject())
            Assert.True(recorded.TryGetProperty(field.Name, out _) || retried.TryGetProperty(field.Name, out _), $"the fake's {kind} envelope has {field.Name}");
        AssertSubset(recorded.GetProperty("payload"), fake.GetProperty("payload"), kind, kind == "slash_commands" ? SlashCommandSample() : default);
    }

    /// <summary>The Java SDK's merged sample of slash command payloads (every field it has seen).</summary>
    private static JsonElement SlashCommandSample() => JsonDocument.Parse(
        RecordedPayloads.Text("SocketMode/slash_command_payload.sample.json")).RootElement.Clone();

    private static void AssertSubset(JsonElement recorded, JsonElement fake, string path, JsonElement alsoAllowed)
    {
        if (fake.ValueKind == JsonValueKind.Array && recorded.ValueKind == JsonValueKind.Array && recorded.GetArrayLength() > 0)
        {
            foreach (var item in fake.EnumerateArray()) AssertSubset(recorded[0], item, path + "[]", default);
            return;
        }
        if (fake.ValueKind != JsonValueKind.Object || recorded.ValueKind != JsonValueKind.Object) return;
        foreach (var field in fake.EnumerateObject())
        {
            var known = recorded.TryGetProperty(field.Name, out var real)
                || (alsoAllowed.ValueKind == JsonValueKind.Object && alsoAllowed.TryGetProperty(field.Name, out real));
            Assert.True(known, $"the fake's {path}.{field.Name} is not in Slack's recorded payload");
            AssertSubset(real, field.Value, $"{path}.{field.Name}", default);
        }
    }
}
