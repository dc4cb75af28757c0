namespace StudyBot.Adapters.Common.Tests;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Delays_double_up_to_the_cap()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), () => 1.0);

        var delays = Enumerable.Range(0, 6).Select(_ => backoff.Next().TotalSeconds).ToList();

        Assert.Equal([1, 2, 4, 8, 10, 10], delays);
    }

    [Fact]
    public void Jitter_keeps_each_delay_between_half_and_all_of_its_cap()
    {
        var low = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), () => 0.0);
        var random = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), Random.Shared.NextDouble);

        Assert.Equal([0.5, 1, 2, 4, 5], Enumerable.Range(0, 5).Select(_ => low.Next().TotalSeconds));
        for (var i = 0; i < 8; i++)
        {
            var cap = Math.Min(10, Math.Pow(2, i));
            Assert.InRange(random.Next().TotalSeconds, cap / 2, cap);
        }
    }

    [Fact]
    public void Reset_starts_again_from_the_base_delay()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), () => 1.0);
        backoff.Next();
        backoff.Next();
        backoff.Next();

        backoff.Reset();

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next());
    }
}
