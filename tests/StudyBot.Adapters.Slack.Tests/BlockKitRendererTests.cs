using System.Text.Json.Nodes;
using StudyBot.Adapters.Slack.Bot.BlockKit;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Tests;

public sealed class BlockKitRendererTests
{
    [Theory]
    [InlineData("**bold** and _italic_", "*bold* and _italic_")]
    [InlineData("- first\n- second", "• first\n• second")]
    [InlineData("• already a bullet", "• already a bullet")]
    [InlineData("a < b && c > d", "a &lt; b &amp;&amp; c &gt; d")]
    [InlineData("<@U0ALL> <!channel>", "&lt;@U0ALL&gt; &lt;!channel&gt;")]
    [InlineData("✅ **A.** gp3 (3)", "✅ *A.* gp3 (3)")]
    public void Markdown_subset_becomes_safe_mrkdwn(string markdown, string mrkdwn) =>
        Assert.Equal(mrkdwn, SlackMrkdwn.FromMarkdown(markdown));

    [Fact]
    public void Long_messages_stay_within_Block_Kit_limits()
    {
        var body = string.Join('\n', Enumerable.Range(0, 2000).Select(i => $"- fact {i} " + new string('x', 80)));
        var message = new ChatMessage(new string('T', 400), body, [new MessageField("Name", new string('v', 5000))],
            [new ChatButton("sb:a:1:0:-1", new string('L', 200))], "footer");

        var rendered = BlockKitRenderer.Render(message);

        var blocks = rendered["blocks"]!.AsArray().Select(b => b!.AsObject()).ToList();
        Assert.True(blocks.Count <= 50);
        Assert.True(Text(blocks[0]).Length <= 150);
        Assert.All(blocks.Where(b => Type(b) == "section" && b["text"] is not null), b => Assert.True(Text(b).Length <= 3000));
        Assert.Equal("actions", Type(blocks[^2]));
        Assert.True(blocks[^2]["elements"]![0]!["text"]!["text"]!.GetValue<string>().Length <= 75);
        Assert.Equal("context", Type(blocks[^1]));
        Assert.True(rendered["text"]!.GetValue<string>().Length <= 3000);
    }

    [Fact]
    public void Every_render_uses_new_block_ids()
    {
        var message = new ChatMessage("Title", "Body", [], [new ChatButton("sb:a:1:0:-1", "A")]);

        var first = BlockIds(BlockKitRenderer.Render(message));
        var second = BlockIds(BlockKitRenderer.Render(message));

        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.Empty(first.Intersect(second));
    }

    [Theory]
    [InlineData(2999)]
    [InlineData(2998)]
    [InlineData(2997)]
    public void A_cut_through_escaped_text_never_leaves_half_an_entity(int prefix)
    {
        // An "&" escaped to "&amp;" right where the 3000-character limit falls.
        var message = ChatMessage.Text("T", new string('x', prefix) + "&&&&&&&&");

        var section = BlockKitRenderer.Render(message)["blocks"]![1]!["text"]!["text"]!.GetValue<string>();

        Assert.True(section.Length <= 3000);
        Assert.Matches("^x+(&amp;)*…$", section);
    }

    [Fact]
    public void An_empty_message_still_has_fallback_text() =>
        Assert.False(string.IsNullOrWhiteSpace(BlockKitRenderer.Render(new ChatMessage("", "", [], []))["text"]!.GetValue<string>()));

    private static string Type(JsonObject block) => block["type"]!.GetValue<string>();

    private static string Text(JsonObject block) => block["text"]!["text"]!.GetValue<string>();

    private static List<string> BlockIds(JsonObject rendered) =>
        rendered["blocks"]!.AsArray().Select(b => b!["block_id"]!.GetValue<string>()).ToList();
}
