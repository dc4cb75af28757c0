using System.Text.Json.Nodes;
using StudyBot.Adapters.Slack.Bot.BlockKit;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Tests;

/// <summary>The study user group is the only mention a message makes; mention syntax in any text is escaped.</summary>
public sealed class MentionRenderingTests
{
    private static readonly ChatMessage Hostile = new("<!everyone> @here", "<!channel> <!subteam^S0OTHER1> <@U0ALICE> @everyone",
        [new("<!here>", "<!subteam^S0OTHER2|@x>")], [], "<!everyone>");

    [Fact]
    public void Mention_syntax_in_any_text_is_escaped_so_it_pings_nobody()
    {
        var texts = MentionableTexts(BlockKitRenderer.Render(Hostile)).ToList();

        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.DoesNotContain('<', t));
        Assert.Contains(texts, t => t.Contains("&lt;!channel&gt;", StringComparison.Ordinal));
    }

    [Fact]
    public void The_study_user_group_is_mentioned_once_in_the_text_and_in_the_first_block()
    {
        var body = BlockKitRenderer.Render(Hostile with { MentionGroupId = "S0STUDY1" });

        Assert.StartsWith("<!subteam^S0STUDY1> ", (string?)body["text"], StringComparison.Ordinal);
        Assert.Equal("<!subteam^S0STUDY1>", (string?)body["blocks"]![0]!["text"]!["text"]);
        Assert.Equal(2, MentionableTexts(body).Count(t => t.Contains('<', StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("987654321098765432")]
    [InlineData("everyone")]
    [InlineData("S0STUDY1>@everyone<!channel")]
    public void A_group_id_that_is_no_Slack_user_group_id_mentions_nothing(string groupId)
    {
        var texts = MentionableTexts(BlockKitRenderer.Render(Hostile with { MentionGroupId = groupId }));

        Assert.All(texts, t => Assert.DoesNotContain('<', t));
    }

    /// <summary>The texts Slack parses for mentions: the top-level text and every mrkdwn text object (plain_text never pings).</summary>
    private static IEnumerable<string> MentionableTexts(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            if (obj["text"] is JsonValue value && (obj.Parent is null || (string?)obj["type"] == "mrkdwn")) yield return (string)value!;
            foreach (var (_, child) in obj)
                foreach (var text in MentionableTexts(child)) yield return text;
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
                foreach (var text in MentionableTexts(child)) yield return text;
        }
    }
}
