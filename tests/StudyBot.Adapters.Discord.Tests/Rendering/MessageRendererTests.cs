using StudyBot.Core.Text;
using StudyBot.Adapters.Discord.Bot.Rendering;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Tests.Rendering;

public sealed class MessageRendererTests
{
    [Fact]
    public void Buttons_fill_action_rows_of_five_with_their_ids_verbatim()
    {
        var buttons = Enumerable.Range(0, 7).Select(i => new ChatButton($"sb:p:q{i}:0:-1", $"Choice {i}")).ToList();

        var rows = MessageRenderer.Render(new ChatMessage("t", "b", [], buttons))["components"]!.AsArray();

        Assert.Equal(2, rows.Count);
        Assert.Equal(5, rows[0]!["components"]!.AsArray().Count);
        Assert.Equal(2, rows[1]!["components"]!.AsArray().Count);
        Assert.Equal("sb:p:q6:0:-1", (string?)rows[1]!["components"]![1]!["custom_id"]);
        Assert.Equal(1, (int?)rows[0]!["type"]);
        Assert.Equal(2, (int?)rows[0]!["components"]![0]!["type"]);
    }

    [Fact]
    public void Every_message_forbids_mentions_and_an_ephemeral_one_carries_flag_64()
    {
        var body = MessageRenderer.Render(ChatMessage.Text("t", "@everyone look"), ephemeral: true);

        Assert.Empty(body["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Equal(64, (int?)body["flags"]);
        Assert.Null(MessageRenderer.Render(ChatMessage.Text("t", "b"))["flags"]);
    }

    [Fact]
    public void A_message_without_buttons_renders_an_empty_component_list()
    {
        var body = MessageRenderer.Render(ChatMessage.Text("Answer: B", "Because."));

        Assert.Empty(body["components"]!.AsArray());
    }

    [Fact]
    public void Title_body_fields_and_footer_become_one_embed()
    {
        var message = new ChatMessage("Title", "**bold** and _italic_\n• a bullet", [new MessageField("Answered", "3")], [], "footer");

        var embed = MessageRenderer.Render(message)["embeds"]![0]!;

        Assert.Equal("Title", (string?)embed["title"]);
        Assert.Equal("**bold** and _italic_\n• a bullet", (string?)embed["description"]);
        Assert.Equal("Answered", (string?)embed["fields"]![0]!["name"]);
        Assert.Equal("3", (string?)embed["fields"]![0]!["value"]);
        Assert.Equal("footer", (string?)embed["footer"]!["text"]);
    }

    [Fact]
    public void Text_beyond_Discord_limits_is_cut_and_the_embed_stays_within_6000_characters()
    {
        // 30 fields of 256 + 200 characters: over the 25-field limit and, with the body, over 6000 in all.
        var fields = Enumerable.Range(0, 30).Select(i => new MessageField(new string('n', 300), new string('v', 200))).ToList();
        var buttons = new[] { new ChatButton("id", new string('l', 120)), new ChatButton(new string('x', 101), "too long id") };
        var message = new ChatMessage(new string('t', 300), new string('b', 5000), fields, buttons, new string('f', 300));

        var body = MessageRenderer.Render(message);
        var embed = body["embeds"]![0]!;

        Assert.Equal(256, ((string?)embed["title"])!.Length);
        Assert.Equal(4096, ((string?)embed["description"])!.Length);
        Assert.Equal(2, embed["fields"]!.AsArray().Count);
        var total = ((string?)embed["title"])!.Length + ((string?)embed["description"] ?? "").Length + ((string?)embed["footer"]!["text"])!.Length
            + embed["fields"]!.AsArray().Sum(f => ((string?)f!["name"])!.Length + ((string?)f!["value"])!.Length);
        Assert.True(total <= 6000, $"embed has {total} characters");
        var button = Assert.Single(body["components"]![0]!["components"]!.AsArray());
        Assert.Equal(80, ((string?)button!["label"])!.Length);
    }

    [Fact]
    public void A_long_footer_is_cut_to_2048_characters()
    {
        var embed = MessageRenderer.Embed(new ChatMessage("t", "b", [], [], new string('f', 3000)));

        Assert.Equal(2048, ((string?)embed["footer"]!["text"])!.Length);
    }

    [Fact]
    public void Cutting_never_splits_an_emoji()
    {
        var cut = TextCut.ToLength("ab😀cd", 4);

        Assert.Equal("ab…", cut);
    }
}
