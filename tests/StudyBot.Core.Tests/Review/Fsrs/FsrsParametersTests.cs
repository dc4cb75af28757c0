using StudyBot.Core.Review;

namespace StudyBot.Core.Tests.Review.Fsrs;

public sealed class FsrsParametersTests
{
    [Fact]
    public void Defaults_are_the_21_fsrs6_weights()
    {
        Assert.Equal(21, FsrsParameters.DefaultWeights.Count);
        Assert.Equal(0.212, FsrsParameters.DefaultWeights[0]);
        Assert.Equal(0.1542, FsrsParameters.DefaultWeights[20]);
        Assert.Equal(0.9, FsrsParameters.Default.DesiredRetention);
    }

    [Theory]
    [InlineData(19)]
    [InlineData(20)]
    [InlineData(22)]
    public void A_weight_list_that_is_not_21_long_is_rejected(int count)
    {
        var weights = Enumerable.Repeat(0.5, count).ToArray();
        var error = Assert.Throws<ArgumentException>(() => new FsrsScheduler(new FsrsParameters(weights)));
        Assert.Contains("21 weights", error.Message);
    }

    [Theory]
    [InlineData(0.69)]
    [InlineData(0.995)]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Desired_retention_outside_070_to_099_is_rejected(double retention)
    {
        var error = Assert.Throws<ArgumentException>(
            () => new FsrsScheduler(FsrsParameters.Default with { DesiredRetention = retention }));
        Assert.Contains("DesiredRetention must be between 0.7 and 0.99", error.Message);
    }

    [Theory]
    [InlineData(0.70)]
    [InlineData(0.99)]
    public void Desired_retention_at_the_bounds_is_accepted(double retention)
    {
        var scheduler = new FsrsScheduler(FsrsParameters.Default with { DesiredRetention = retention });
        var card = scheduler.Review(MemoryCard.New(DateTimeOffset.UnixEpoch), Rating.Good, DateTimeOffset.UnixEpoch, new Random(1));
        Assert.Equal(CardState.Review, card.State);
    }

    [Fact]
    public void A_maximum_interval_below_one_day_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(
            () => new FsrsScheduler(FsrsParameters.Default with { MaximumIntervalDays = 0 }));
        Assert.Contains("MaximumIntervalDays", error.Message);
    }
}
