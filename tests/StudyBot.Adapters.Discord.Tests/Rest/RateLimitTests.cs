using Microsoft.Extensions.DependencyInjection;
using StudyBot.Adapters.Discord.Bot.Rendering;
using StudyBot.Adapters.Discord.Client.Rest;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Tests.Rest;

public sealed class RateLimitTests
{
    private static readonly ChatMessage Message = ChatMessage.Text("Title", "Body");

    [Fact]
    public async Task A_429_with_bucket_headers_waits_retry_after_then_succeeds()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, start: false);
        fake.Script(r => r.Is("POST", "channels/chan-1/messages")
            ? new FakeResponse(429, """{"message": "You are being rate limited.", "retry_after": 0.3, "global": false}""", new Dictionary<string, string>
            {
                ["X-RateLimit-Bucket"] = "bucket-a", ["X-RateLimit-Limit"] = "5", ["X-RateLimit-Remaining"] = "0",
                ["X-RateLimit-Reset-After"] = "0.3", ["X-RateLimit-Scope"] = "user", ["Retry-After"] = "1",
            })
            : null);

        var id = await host.Platform.PostAsync("chan-1", Message, CancellationToken.None);

        var posts = fake.RequestsTo("POST", "channels/chan-1/messages");
        Assert.Equal(2, posts.Count);
        Assert.True(posts[1].Since(posts[0].At) >= TimeSpan.FromMilliseconds(250), $"retried after {posts[1].Since(posts[0].At)}");
        Assert.False(string.IsNullOrEmpty(id));
    }

    [Fact]
    public async Task A_global_429_holds_back_requests_on_every_route()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, start: false);
        fake.Script(r => r.Is("POST", "channels/chan-1/messages")
            ? new FakeResponse(429, """{"message": "You are being rate limited.", "retry_after": 0.4, "global": true}""",
                new Dictionary<string, string> { ["X-RateLimit-Global"] = "true", ["X-RateLimit-Scope"] = "global", ["Retry-After"] = "1" })
            : null);

        var first = host.Platform.PostAsync("chan-1", Message, CancellationToken.None);
        var limited = await fake.WaitForRequestAsync(r => r.Is("POST", "channels/chan-1/messages"));
        // Once the client has read the 429, a request on another route must wait too.
        await host.Logs.WaitForAsync(Microsoft.Extensions.Logging.LogLevel.Warning, "Rate limited");
        await host.Platform.PostAsync("chan-2", Message, CancellationToken.None);
        await first;

        var other = Assert.Single(fake.RequestsTo("POST", "channels/chan-2/messages"));
        Assert.True(other.Since(limited.At) >= TimeSpan.FromMilliseconds(300), $"sent {other.Since(limited.At)} after the global 429");
    }

    [Fact]
    public async Task A_429_without_a_body_uses_the_Retry_After_header()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, start: false);
        fake.Script(r => r.Is("POST", "channels/chan-1/messages")
            ? new FakeResponse(429, null, new Dictionary<string, string> { ["Retry-After"] = "1" })
            : null);

        await host.Platform.PostAsync("chan-1", Message, CancellationToken.None);

        var posts = fake.RequestsTo("POST", "channels/chan-1/messages");
        Assert.Equal(2, posts.Count);
        Assert.True(posts[1].Since(posts[0].At) >= TimeSpan.FromMilliseconds(900), $"retried after {posts[1].Since(posts[0].At)}");
    }

    [Fact]
    public async Task Interaction_callbacks_leave_no_bucket_behind_and_a_429_on_one_is_still_waited_out()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, start: false);
        var rest = host.Host.Services.GetRequiredService<DiscordRestClient>();
        var api = host.Host.Services.GetRequiredService<DiscordApi>();
        var limited = 0;
        fake.Script(r => r.Is("POST", "interactions/i-0/") && Interlocked.Increment(ref limited) == 1
            ? new FakeResponse(429, """{"message": "You are being rate limited.", "retry_after": 0.4, "global": false}""",
                new Dictionary<string, string> { ["X-RateLimit-Bucket"] = "interaction-bucket", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset-After"] = "0.4" })
            : null);
        var before = rest.RememberedBuckets;

        for (var i = 0; i < 50; i++)
            await api.RespondAsync($"i-{i}", $"token-{i}", MessageRenderer.Render(Message, ephemeral: true), CancellationToken.None);

        Assert.Equal(before, rest.RememberedBuckets);
        var first = fake.RequestsTo("POST", "interactions/i-0/");
        Assert.Equal(2, first.Count);
        Assert.True(first[1].Since(first[0].At) >= TimeSpan.FromMilliseconds(350), $"retried after {first[1].Since(first[0].At)}");
        Assert.Equal(51, fake.RequestsTo("POST", "interactions/").Count);
    }

    [Fact]
    public async Task An_exhausted_bucket_holds_its_channel_until_reset_but_not_other_channels()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, start: false);
        fake.Script(r => r.Is("POST", "channels/chan-1/messages")
            ? new FakeResponse(200, """{"id": "m-1"}""", new Dictionary<string, string>
            {
                ["X-RateLimit-Bucket"] = "bucket-a", ["X-RateLimit-Limit"] = "5", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset-After"] = "0.4",
            })
            : null);
        await host.Platform.PostAsync("chan-1", Message, CancellationToken.None);

        var sameChannel = host.Platform.PostAsync("chan-1", Message, CancellationToken.None);
        var otherChannel = host.Platform.PostAsync("chan-2", Message, CancellationToken.None);
        await Task.WhenAll(sameChannel, otherChannel);

        var chan1 = fake.RequestsTo("POST", "channels/chan-1/messages");
        var chan2 = Assert.Single(fake.RequestsTo("POST", "channels/chan-2/messages"));
        Assert.True(chan1[1].Since(chan1[0].At) >= TimeSpan.FromMilliseconds(300), $"sent into the exhausted bucket after {chan1[1].Since(chan1[0].At)}");
        Assert.True(chan2.At < chan1[1].At, "the other channel's bucket should not wait");
        Assert.Equal(2, fake.Requests.Count(r => r.Is("POST", "channels/chan-1/messages")));
    }

    [Fact]
    public async Task Routes_that_share_a_learned_bucket_wait_for_each_other()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, start: false);
        fake.Script(r => r.Is("PATCH", "channels/chan-1/messages/") ? Limited("""{"id": "m-1"}""", "shared", "4", "5") : null);
        fake.Script(r => r.Is("POST", "channels/chan-1/messages") ? Limited("""{"id": "m-2"}""", "shared", "0", "0.4") : null);

        await host.Platform.EditAsync("chan-1", "m-1", Message, CancellationToken.None);
        await host.Platform.PostAsync("chan-1", Message, CancellationToken.None);
        await host.Platform.EditAsync("chan-1", "m-1", Message, CancellationToken.None);

        var post = Assert.Single(fake.RequestsTo("POST", "channels/chan-1/messages"));
        var edits = fake.RequestsTo("PATCH", "channels/chan-1/messages/");
        Assert.True(edits[1].Since(post.At) >= TimeSpan.FromMilliseconds(300), $"edited {edits[1].Since(post.At)} after the bucket ran out");
    }

    private static FakeResponse Limited(string body, string bucket, string remaining, string resetAfter) =>
        new(200, body, new Dictionary<string, string>
        {
            ["X-RateLimit-Bucket"] = bucket, ["X-RateLimit-Limit"] = "5", ["X-RateLimit-Remaining"] = remaining, ["X-RateLimit-Reset-After"] = resetAfter,
        });
}
