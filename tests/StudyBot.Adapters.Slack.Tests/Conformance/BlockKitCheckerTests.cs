using System.Text.Json.Nodes;
using StudyBot.Adapters.Slack.Bot.BlockKit;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Tests.Conformance;

/// <summary>The checker itself: a message Slack would reject must not pass.</summary>
public sealed class BlockKitCheckerTests
{
    private static JsonObject Valid() => BlockKitRenderer.Render(new ChatMessage("Title", "Body", [new MessageField("F", "v")], [new ChatButton("sb:a:1:0:-1", "A. gp3")], "footer"));

    [Fact]
    public void A_rendered_message_passes() => Assert.Empty(BlockKitChecker.Problems(Valid()));

    public static TheoryData<string, string> Breakages() => new()
    {
        { "no fallback text", "text" },
        { "51 blocks", "blocks" },
        { "section text over 3000", "3000" },
        { "header over 150", "150" },
        { "button text over 75", "75" },
        { "action_id over 255", "action_id" },
        { "duplicate action_id", "used twice" },
        { "value over 2000", "value" },
        { "duplicate block_id", "block_id" },
        { "mrkdwn header", "plain_text" },
        { "unescaped mrkdwn", "unescaped" },
        { "11 fields", "fields" },
        { "26 buttons", "elements" },
        { "11 context elements", "elements" },
        { "empty section", "neither" },
        { "unknown block", "known type" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_message_Slack_would_reject_fails(string breakage, string expected)
    {
        var message = Valid();
        var blocks = message["blocks"]!.AsArray();
        JsonObject Block(string type) => blocks.Select(b => b!.AsObject()).First(b => b["type"]!.GetValue<string>() == type);
        JsonObject Button() => Block("actions")["elements"]![0]!.AsObject();
        switch (breakage)
        {
            case "no fallback text": message.Remove("text"); break;
            case "51 blocks": while (blocks.Count < 51) blocks.Add(new JsonObject { ["type"] = "divider" }); break;
            case "section text over 3000": Block("section")["text"]!["text"] = new string('x', 3001); break;
            case "header over 150": Block("header")["text"]!["text"] = new string('x', 151); break;
            case "button text over 75": Button()["text"]!["text"] = new string('x', 76); break;
            case "action_id over 255": Button()["action_id"] = new string('x', 256); break;
            case "duplicate action_id": Block("actions")["elements"]!.AsArray().Add(Button().DeepClone()); break;
            case "value over 2000": Button()["value"] = new string('x', 2001); break;
            case "duplicate block_id": Block("context")["block_id"] = Block("header")["block_id"]!.GetValue<string>(); break;
            case "mrkdwn header": Block("header")["text"]!["type"] = "mrkdwn"; break;
            case "unescaped mrkdwn": Block("section")["text"]!["text"] = "S3 & <EBS>"; break;
            case "11 fields": Block("section")["fields"] = new JsonArray([.. Enumerable.Range(0, 11).Select(_ => (JsonNode)new JsonObject { ["type"] = "mrkdwn", ["text"] = "f" })]); break;
            case "26 buttons": Block("actions")["elements"] = new JsonArray([.. Enumerable.Range(0, 26).Select(i => (JsonNode)new JsonObject { ["type"] = "button", ["action_id"] = $"a{i}", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "b" } })]); break;
            case "11 context elements": Block("context")["elements"] = new JsonArray([.. Enumerable.Range(0, 11).Select(_ => (JsonNode)new JsonObject { ["type"] = "mrkdwn", ["text"] = "c" })]); break;
            case "empty section": blocks.Add(new JsonObject { ["type"] = "section" }); break;
            case "unknown block": blocks.Add(new JsonObject { ["type"] = "embed" }); break;
        }

        var problems = BlockKitChecker.Problems(message);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
        Assert.Throws<Xunit.Sdk.TrueException>(() => BlockKitChecker.AssertValid(message, breakage));
    }
}
