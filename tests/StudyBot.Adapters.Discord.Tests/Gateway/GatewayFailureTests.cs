using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StudyBot.Adapters.Discord.Tests.Gateway;

public sealed class GatewayFailureTests
{
    [Theory]
    [InlineData(4004, "StudyBot__Discord__Token")]
    [InlineData(4010, "StudyBot__Discord__ShardId")]
    [InlineData(4011, "StudyBot__Discord__ShardCount")]
    [InlineData(4012, "version")]
    [InlineData(4013, "intents")]
    [InlineData(4014, "disallowed intents")]
    public async Task Fatal_close_codes_stop_with_a_clear_reason_and_no_retry(int code, string named)
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var connection = await fake.NextConnectionAsync();
        await connection.HelloAsync();
        await connection.ExpectAsync(2);

        await connection.CloseAsync(code);

        var reason = await host.FailureAsync();
        Assert.Contains(named, reason, StringComparison.Ordinal);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), reason, StringComparison.Ordinal);
        Assert.DoesNotContain(DiscordTestHost.Token, reason, StringComparison.Ordinal);
        Assert.False(await fake.ConnectsWithinAsync(TimeSpan.FromMilliseconds(400)));
        Assert.Equal(1, fake.ConnectionCount);
        await host.Logs.WaitForAsync(LogLevel.Critical, "discord adapter stopped");
    }

    [Fact]
    public async Task Close_4004_before_HELLO_is_fatal_too()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var connection = await fake.NextConnectionAsync();

        await connection.CloseAsync(4004);

        Assert.Contains("StudyBot__Discord__Token", await host.FailureAsync(), StringComparison.Ordinal);
        Assert.False(await fake.ConnectsWithinAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task A_rejected_token_stops_before_connecting_and_names_the_setting()
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.TokenAccepted = false;
        await using var host = await DiscordTestHost.StartAsync(fake);

        var reason = await host.FailureAsync();

        Assert.Contains("StudyBot:Discord:Token", reason, StringComparison.Ordinal);
        Assert.Contains("401", reason, StringComparison.Ordinal);
        await Task.Delay(200);
        Assert.Single(fake.RequestsTo("GET", "gateway/bot"));
        Assert.Equal(0, fake.ConnectionCount);
    }

    [Fact]
    public async Task A_section_without_a_token_reports_the_missing_setting()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, new Dictionary<string, string?> { ["StudyBot:Discord:Token"] = "" });

        var reason = await host.FailureAsync();

        Assert.Contains("StudyBot__Discord__Token", reason, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task A_fatal_error_stops_the_app_with_exit_code_1_when_no_other_adapter_runs()
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.TokenAccepted = false;
        try
        {
            await using var host = await DiscordTestHost.StartAsync(fake, anotherAdapterRuns: false);
            var stopping = host.Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            var stopped = new TaskCompletionSource();
            stopping.Register(() => stopped.TrySetResult());

            await stopped.Task.WaitAsync(TimeSpan.FromSeconds(5));

            Assert.Equal(1, Environment.ExitCode);
        }
        finally
        {
            // The test host process must not inherit the bot's exit code.
            Environment.ExitCode = 0;
        }
    }

    [Fact]
    public async Task An_exhausted_daily_identify_budget_waits_for_its_reset_before_identifying()
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.SessionStartsRemaining(0, 999);
        var started = Stopwatch.GetTimestamp();
        await using var host = await DiscordTestHost.StartAsync(fake);

        var connection = await fake.NextConnectionAsync();

        var checks = fake.RequestsTo("GET", "gateway/bot");
        Assert.Equal(2, checks.Count);
        // The fake says the budget resets after 300 ms.
        Assert.True(checks[1].Since(checks[0].At) >= TimeSpan.FromMilliseconds(250), $"identified after {checks[1].Since(checks[0].At)}");
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(250));
        Assert.True(host.Logs.Has(LogLevel.Warning, "session-start budget is used up"));
        await connection.HelloAsync();
        await connection.ExpectAsync(2);
    }

    [Fact]
    public async Task The_token_never_appears_in_logs()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var (first, _) = await host.ConnectAsync(heartbeatIntervalMs: 200);
        await first.DispatchAsync("INTERACTION_CREATE", 2, Payloads.SlashCommand("int-1", "help"));
        await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/int-1/"));
        await first.CloseAsync(4000);
        var second = await fake.NextConnectionAsync();
        await second.HelloAsync();
        await second.ExpectAsync(6);
        await second.CloseAsync(4004);
        await host.FailureAsync();

        Assert.NotEmpty(host.Logs.Entries);
        Assert.DoesNotContain(host.Logs.Entries, l => l.Text.Contains(DiscordTestHost.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Entries, l => l.Text.Contains("itoken-int-1", StringComparison.Ordinal));
    }
}
