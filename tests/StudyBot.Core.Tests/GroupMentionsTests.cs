using StudyBot.Core.Study;

namespace StudyBot.Core.Tests;

public sealed class GroupMentionsTests
{
    [Theory]
    [InlineData("123456789012345678", "123456789012345678")]
    [InlineData("<@&123456789012345678>", "123456789012345678")]
    [InlineData("  <@&12345678901234567890>  ", "12345678901234567890")]
    [InlineData("S0STUDY1", "S0STUDY1")]
    [InlineData("<!subteam^S0STUDY1>", "S0STUDY1")]
    [InlineData("<!subteam^S0STUDY1|@study-group>", "S0STUDY1")]
    public void A_role_or_user_group_is_read_as_its_id(string text, string id)
    {
        Assert.True(GroupMentions.TryParse(text, out var groupId));
        Assert.Equal(id, groupId);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("@everyone")]
    [InlineData("@here")]
    [InlineData("<!everyone>")]
    [InlineData("<!channel>")]
    [InlineData("<!here|here>")]
    [InlineData("<@123456789012345678>")]
    [InlineData("<@!123456789012345678>")]
    [InlineData("U0ALICE1")]
    [InlineData("<@U0ALICE1>")]
    [InlineData("<#123456789012345678>")]
    [InlineData("12345")]
    [InlineData("<@&123456789012345678> @everyone")]
    [InlineData("<!subteam^S0STUDY1|@x> <!channel>")]
    [InlineData("<!subteam^s0study1>")]
    public void Anything_else_is_refused_above_all_mentions_that_reach_everyone_or_a_user(string? text)
    {
        Assert.False(GroupMentions.TryParse(text, out var groupId));
        Assert.Equal("", groupId);
    }
}
