using StudyBot.Adapters.Discord.Bot.Rendering;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Tests.Rendering;

/// <summary>Only the study role the core names is ever mentionable; text that looks like a mention never pings.</summary>
public sealed class MentionRenderingTests
{
    private static readonly ChatMessage Hostile = new("@everyone <@&111111111111111111>", "@here <@222222222222222222> <@&333333333333333333>",
        [new("@everyone", "<@&444444444444444444>")], [new ChatButton("sb:x", "@everyone")], "@everyone");

    [Fact]
    public void Mentions_in_any_text_are_not_parsed_and_no_content_is_sent()
    {
        var body = MessageRenderer.Render(Hostile);

        Assert.Equal("""{"parse":[]}""", body["allowed_mentions"]!.ToJsonString());
        Assert.Null(body["content"]);
    }

    [Fact]
    public void The_study_role_is_the_content_and_the_only_mention_allowed()
    {
        var body = MessageRenderer.Render(Hostile with { MentionGroupId = "987654321098765432" });

        Assert.Equal("<@&987654321098765432>", (string?)body["content"]);
        Assert.Equal("""{"parse":[],"roles":["987654321098765432"]}""", body["allowed_mentions"]!.ToJsonString());
    }

    [Theory]
    [InlineData("S0STUDY1")]
    [InlineData("@everyone")]
    [InlineData("98765>@everyone<@&1")]
    [InlineData("12")]
    public void A_group_id_that_is_no_Discord_role_id_mentions_nothing(string groupId)
    {
        var body = MessageRenderer.Render(Hostile with { MentionGroupId = groupId });

        Assert.Null(body["content"]);
        Assert.Equal("""{"parse":[]}""", body["allowed_mentions"]!.ToJsonString());
    }
}
