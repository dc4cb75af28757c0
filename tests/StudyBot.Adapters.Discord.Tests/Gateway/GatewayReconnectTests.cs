using System.Text.Json.Nodes;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Tests.Gateway;

public sealed class GatewayReconnectTests
{
    [Fact]
    public async Task Server_close_4000_resumes_from_the_last_sequence_and_a_replayed_dispatch_is_handled_once()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (first, _) = await host.ConnectAsync();
        var click = Payloads.Button("int-1", ButtonIds.Daily(1, 0));
        await first.DispatchAsync("INTERACTION_CREATE", 2, click);
        await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/int-1/"));

        await first.CloseAsync(4000);
        var second = await fake.NextConnectionAsync();
        await second.HelloAsync();
        var resume = (await second.ExpectAsync(6)).GetProperty("d");
        // Discord replays what it thinks we missed, then says RESUMED.
        await second.DispatchAsync("INTERACTION_CREATE", 2, click.DeepClone());
        await second.DispatchAsync("INTERACTION_CREATE", 3, Payloads.Button("int-2", ButtonIds.Daily(1, 1), userId: "user-2"));
        await second.DispatchAsync("RESUMED", 4, new JsonObject());
        await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/int-2/"));

        Assert.StartsWith("/resume?", second.Path, StringComparison.Ordinal);
        Assert.Equal(2, resume.GetProperty("seq").GetInt64());
        Assert.Equal(["user-1", "user-2"], host.Inbox.Calls.Select(c => c.Context.User.UserId));
        Assert.Single(fake.RequestsTo("POST", "interactions/int-1/"));
        Assert.Equal([("user-1", 1L), ("user-2", 1L)], host.Inbox.RecordedAnswers.ToArray());
    }

    [Fact]
    public async Task Reconnect_request_op_7_closes_with_a_resumable_code_and_resumes()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (first, _) = await host.ConnectAsync();

        await first.OpAsync(7);

        var closeCode = await first.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(closeCode);
        Assert.NotEqual(1000, closeCode);
        Assert.NotEqual(1001, closeCode);
        var second = await fake.NextConnectionAsync();
        await second.HelloAsync();
        Assert.Equal("session-1", (await second.ExpectAsync(6)).GetProperty("d").GetProperty("session_id").GetString());
    }

    [Fact]
    public async Task Invalid_session_false_identifies_a_new_session_on_the_main_gateway()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (first, _) = await host.ConnectAsync();

        await first.OpAsync(9, false);

        var second = await NextConnectionExpectingAsync(fake, 2);
        Assert.StartsWith("/gateway?", second.Path, StringComparison.Ordinal);
        // Every new session asks how much of the daily identify budget is left.
        Assert.Equal(2, fake.RequestsTo("GET", "gateway/bot").Count);
    }

    [Fact]
    public async Task Invalid_session_true_resumes()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (first, _) = await host.ConnectAsync();

        await first.OpAsync(9, true);

        var second = await NextConnectionExpectingAsync(fake, 6);
        Assert.StartsWith("/resume?", second.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task Close_codes_that_end_the_session_identify_anew(int code)
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (first, _) = await host.ConnectAsync();

        await first.CloseAsync(code);

        var second = await NextConnectionExpectingAsync(fake, 2);
        Assert.StartsWith("/gateway?", second.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4001)]
    [InlineData(4008)]
    [InlineData(4999)]
    public async Task Other_close_codes_resume(int code)
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (first, _) = await host.ConnectAsync();

        await first.CloseAsync(code);

        var second = await NextConnectionExpectingAsync(fake, 6);
    }

    [Fact]
    public async Task Connections_that_keep_failing_back_off_further_each_time()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, new Dictionary<string, string?>
        {
            ["StudyBot:Discord:ReconnectBaseDelay"] = "00:00:00.050",
            ["StudyBot:Discord:ReconnectMaxDelay"] = "00:00:00.400",
        });

        // A healthy session first; then resumes that fail before RESUMED must not count as healthy.
        var (healthy, _) = await host.ConnectAsync();
        var accepted = new List<long> { System.Diagnostics.Stopwatch.GetTimestamp() };
        await healthy.CloseAsync(4000);
        for (var i = 0; i < 4; i++)
        {
            var connection = await fake.NextConnectionAsync();
            accepted.Add(System.Diagnostics.Stopwatch.GetTimestamp());
            await connection.CloseAsync(4000);
        }

        // Delays are jittered within [cap/2, cap]: 25–50 ms first, 200–400 ms by the fourth retry.
        var first = System.Diagnostics.Stopwatch.GetElapsedTime(accepted[0], accepted[1]);
        var fourth = System.Diagnostics.Stopwatch.GetElapsedTime(accepted[3], accepted[4]);
        Assert.True(fourth >= TimeSpan.FromMilliseconds(190), $"fourth retry after {fourth}");
        Assert.True(fourth > first, $"first {first}, fourth {fourth}");
    }

    [Fact]
    public async Task A_session_that_cannot_be_resumed_three_times_is_identified_anew()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (first, _) = await host.ConnectAsync();
        await first.CloseAsync(4000);

        for (var i = 0; i < 3; i++)
        {
            var resume = await fake.NextConnectionAsync();
            await resume.HelloAsync();
            await resume.ExpectAsync(6);
            await resume.CloseAsync(4000);
        }
        var fresh = await fake.NextConnectionAsync();
        await fresh.HelloAsync();

        await fresh.ExpectAsync(2);
        Assert.StartsWith("/gateway?", fresh.Path, StringComparison.Ordinal);
    }

    /// <summary>The bot's next connection after a drop: HELLO sent, and its first frame is <paramref name="op"/> (2 identify, 6 resume).</summary>
    private static async Task<FakeGatewayConnection> NextConnectionExpectingAsync(FakeDiscord fake, int op)
    {
        var next = await fake.NextConnectionAsync();
        await next.HelloAsync();
        await next.ExpectAsync(op);
        return next;
    }
}
