using StudyBot.Core.Chat;

namespace StudyBot.Core.Tests;

public class ButtonIdsTests
{
    [Fact]
    public void Daily_ids_round_trip()
    {
        Assert.True(ButtonIds.TryParse(ButtonIds.Daily(42, 3), out var action));
        Assert.Equal(new ButtonAction.DailyAnswer(42, 3, -1), action);
        Assert.True(ButtonIds.TryParse(ButtonIds.Daily(42, 3, 1), out var second));
        Assert.Equal(new ButtonAction.DailyAnswer(42, 3, 1), second);
    }

    [Fact]
    public void Practice_ids_round_trip()
    {
        Assert.True(ButtonIds.TryParse(ButtonIds.Practice("ebs-az-bound", 0), out var action));
        Assert.Equal(new ButtonAction.PracticeAnswer("ebs-az-bound", 0, -1), action);
    }

    [Fact]
    public void Review_and_regrade_ids_round_trip()
    {
        Assert.True(ButtonIds.TryParse(ButtonIds.Review(7, "ebs-az-bound", 2, 0), out var review));
        Assert.Equal(new ButtonAction.ReviewAnswer(7, "ebs-az-bound", 2, 0), review);
        Assert.True(ButtonIds.TryParse(ButtonIds.Regrade(99, Core.Review.Rating.Easy), out var regrade));
        Assert.Equal(new ButtonAction.Regrade(99, Core.Review.Rating.Easy), regrade);
    }

    [Theory]
    [InlineData("sb:g:99:3")]
    [InlineData("sb:g:99:1")]
    [InlineData("sb:g:0:4")]
    [InlineData("sb:r:-1:q:0:-1")]
    [InlineData("sb:r:1::0:-1")]
    [InlineData("sb:r:1:q:0")]
    public void Malformed_review_ids_are_rejected(string id) => Assert.False(ButtonIds.TryParse(id, out _));

    [Fact]
    public void Ids_fit_discord_custom_id_limit() =>
        Assert.True(ButtonIds.Practice(new string('q', 80), 4, 3).Length <= 100);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sb:a:")]
    [InlineData("sb:a:1")]
    [InlineData("sb:a:1:2")]
    [InlineData("sb:a:x:1:-1")]
    [InlineData("sb:a:0:1:-1")]
    [InlineData("sb:a:-5:1:-1")]
    [InlineData("sb:a:1:9:-1")]
    [InlineData("sb:a:1:2:2")]
    [InlineData("sb:a:1:2:7")]
    [InlineData("sb:a:99999999999999999999:1:-1")]
    [InlineData("sb:p::1:-1")]
    [InlineData("sb:z:1:1:-1")]
    [InlineData("'; DROP TABLE answers; --")]
    public void Forged_or_malformed_ids_are_rejected(string? id) =>
        Assert.False(ButtonIds.TryParse(id, out _));
}
