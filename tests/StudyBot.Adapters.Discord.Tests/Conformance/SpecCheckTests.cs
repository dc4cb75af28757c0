using System.Diagnostics;
using StudyBot.Testing.Discord.Conformance;

namespace StudyBot.Adapters.Discord.Tests.Conformance;

/// <summary>The spec check itself: it must reject what Discord rejects, or the fake's check proves nothing.</summary>
public sealed class SpecCheckTests
{
    private static RecordedRequest Request(string method, string path, string body) =>
        new(method, path, body, null, null, Stopwatch.GetTimestamp(), "application/json");

    [Fact]
    public void A_message_body_the_spec_accepts_passes()
    {
        var problems = DiscordSpec.Instance.Check(Request("POST", "channels/123/messages",
            """{"content": "hi", "embeds": [{"title": "t"}], "allowed_mentions": {"parse": []}}"""));

        Assert.Empty(problems);
    }

    [Fact]
    public void A_wrong_body_unknown_route_and_over_long_content_are_rejected()
    {
        Assert.NotEmpty(DiscordSpec.Instance.Check(Request("POST", "channels/123/messages", """{"embeds": "not an array"}""")));
        Assert.NotEmpty(DiscordSpec.Instance.Check(Request("POST", "channels/123/messages", $$"""{"content": "{{new string('x', 4001)}}"}""")));
        Assert.NotEmpty(DiscordSpec.Instance.Check(Request("POST", "interactions/1/tok/callback", """{"type": 99}""")));
        Assert.NotEmpty(DiscordSpec.Instance.Check(Request("POST", "channels/123/nothing-here", "{}")));
    }

    [Fact]
    public async Task The_fake_answers_a_rejected_body_with_400_and_fails_the_test_on_dispose()
    {
        var fake = await FakeDiscord.StartAsync();
        using var http = new HttpClient { BaseAddress = fake.ApiBase };

        using var response = await http.PostAsync("channels/123/messages",
            new StringContent("""{"content": 7}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("50035", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var failure = await Assert.ThrowsAsync<SpecViolationException>(async () => await fake.DisposeAsync());
        Assert.Contains("POST /channels/{channel_id}/messages", failure.Message, StringComparison.Ordinal);
    }
}
