using System.Net.Http.Headers;
using StudyBot.Adapters.Discord.Client.Rest;

namespace StudyBot.Adapters.Discord.Tests.Rest;

public sealed class RateLimitUnitTests
{
    [Fact]
    public void Rate_limit_headers_are_read_with_fractional_reset_after()
    {
        var headers = Headers(("X-RateLimit-Bucket", "abcd"), ("X-RateLimit-Remaining", "3"), ("X-RateLimit-Reset-After", "1.25"), ("X-RateLimit-Global", "true"));

        var read = RateLimitHeaders.Read(headers);

        Assert.Equal(("abcd", 3, TimeSpan.FromSeconds(1.25), true), (read.Bucket, read.Remaining, read.ResetAfter, read.Global));
    }

    [Fact]
    public void A_429_body_is_preferred_then_Retry_After_then_reset_after_then_one_second()
    {
        var bucketed = RateLimitHeaders.Read(Headers(("X-RateLimit-Bucket", "b"), ("X-RateLimit-Reset-After", "3"), ("Retry-After", "2")));
        var resetOnly = RateLimitHeaders.Read(Headers(("X-RateLimit-Bucket", "b"), ("X-RateLimit-Reset-After", "3")));
        var bare = RateLimitHeaders.Read(Headers(("X-RateLimit-Bucket", "b")));

        Assert.Equal((TimeSpan.FromSeconds(0.5), false), RateLimitHeaders.ReadTooManyRequests(bucketed, """{"retry_after": 0.5, "global": false}"""));
        Assert.Equal((TimeSpan.FromSeconds(2), false), RateLimitHeaders.ReadTooManyRequests(bucketed, ""));
        Assert.Equal((TimeSpan.FromSeconds(3), false), RateLimitHeaders.ReadTooManyRequests(resetOnly, "<html>proxy error</html>"));
        Assert.Equal((TimeSpan.FromSeconds(1), false), RateLimitHeaders.ReadTooManyRequests(bare, "{}"));
    }

    [Fact]
    public void A_429_says_global_in_its_body_header_or_by_having_neither_body_nor_bucket()
    {
        var none = RateLimitHeaders.Read(Headers());

        Assert.True(RateLimitHeaders.ReadTooManyRequests(none, """{"retry_after": 1, "global": true}""").Global);
        Assert.True(RateLimitHeaders.ReadTooManyRequests(RateLimitHeaders.Read(Headers(("X-RateLimit-Global", "true"))), "{}").Global);
        Assert.True(RateLimitHeaders.ReadTooManyRequests(none, "").Global);
    }

    [Fact]
    public async Task The_global_limit_counts_a_request_until_one_second_after_its_response()
    {
        var clock = new ManualClock();
        using var limit = new GlobalRateLimit(50, clock);
        var places = new List<IDisposable>();
        for (var i = 0; i < 50; i++) places.Add(await limit.WaitAsync(countsTowardLimit: true, CancellationToken.None));

        var fiftyFirst = limit.WaitAsync(true, CancellationToken.None);
        using (await limit.WaitAsync(countsTowardLimit: false, CancellationToken.None))
        {
            // Interaction routes are outside the limit.
        }
        clock.Advance(TimeSpan.FromSeconds(2));
        await Task.Delay(50); // real time: room for a wrongly granted place to complete
        Assert.False(fiftyFirst.IsCompleted); // 50 still in flight: Discord may count them any moment

        clock.Advance(TimeSpan.FromMilliseconds(300));
        foreach (var place in places) place.Dispose();
        clock.Advance(TimeSpan.FromMilliseconds(999));
        await clock.WaitForTimersAsync();
        Assert.False(fiftyFirst.IsCompleted); // answered less than a second ago
        clock.Advance(TimeSpan.FromMilliseconds(20));

        (await fiftyFirst.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_request_answered_early_frees_its_place_a_second_later_while_others_are_in_flight()
    {
        var clock = new ManualClock();
        using var limit = new GlobalRateLimit(2, clock);
        var first = await limit.WaitAsync(true, CancellationToken.None);
        using var second = await limit.WaitAsync(true, CancellationToken.None);
        first.Dispose();
        first.Dispose(); // twice is once

        var third = limit.WaitAsync(true, CancellationToken.None);
        await clock.WaitForTimersAsync();
        Assert.False(third.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1.01)); // a second, and the timer margin

        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_global_pause_holds_every_request_including_interaction_routes()
    {
        var clock = new ManualClock();
        using var limit = new GlobalRateLimit(50, clock);
        limit.PauseFor(TimeSpan.FromSeconds(2));

        var interaction = limit.WaitAsync(countsTowardLimit: false, CancellationToken.None);
        await clock.WaitForTimersAsync();
        Assert.False(interaction.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(2));

        await interaction.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_bucket_is_only_waited_on_when_it_is_known_to_be_exhausted()
    {
        var now = DateTimeOffset.UnixEpoch;
        var bucket = new RateLimitBucket();
        Assert.Equal(TimeSpan.Zero, bucket.WaitBeforeSend(now));

        bucket.Update(0, TimeSpan.FromSeconds(2), now);
        Assert.Equal(TimeSpan.FromSeconds(2), bucket.WaitBeforeSend(now));
        Assert.Equal(TimeSpan.Zero, bucket.WaitBeforeSend(now + TimeSpan.FromSeconds(2)));

        bucket.Update(4, TimeSpan.FromSeconds(2), now);
        Assert.Equal(TimeSpan.Zero, bucket.WaitBeforeSend(now));
    }

    private static HttpResponseHeaders Headers(params (string Name, string Value)[] values)
    {
        var response = new HttpResponseMessage();
        foreach (var (name, value) in values) response.Headers.TryAddWithoutValidation(name, value);
        return response.Headers;
    }
}
