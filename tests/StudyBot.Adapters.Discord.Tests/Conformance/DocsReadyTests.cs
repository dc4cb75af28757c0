using Microsoft.Extensions.Logging;

namespace StudyBot.Adapters.Discord.Tests.Conformance;

/// <summary>The docs' READY, sent over the fake gateway: the bot keeps what it needs to resume and registers its commands.</summary>
public sealed class DocsReadyTests
{
    [Fact]
    public void The_READY_frame_parses_as_dispatch_one()
    {
        var frame = DocsPayloads.Frame(DocsPayloads.Text(DocsPayloads.Ready));

        Assert.Equal((0, "READY", 1L), (frame.Op, frame.EventName, frame.Sequence));
    }

    [Fact]
    public async Task The_docs_READY_gives_the_session_to_resume_and_the_application_to_register_commands_for()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake);
        var connection = await fake.NextConnectionAsync();
        await connection.HelloAsync();
        await connection.ExpectAsync(2);
        var ready = DocsPayloads.Node(DocsPayloads.Ready);
        // The docs' wss://gateway.discord.gg/ is out of reach; the fake's resume endpoint stands in for it.
        ready["d"]!["resume_gateway_url"] = fake.ResumeUrl;

        await connection.SendAsync(ready);

        await fake.WaitForRequestAsync(r => r.Is("PUT", "applications/775799577604522054/commands"));
        await host.Logs.WaitForAsync(LogLevel.Information, "Connected to Discord as Nelly");
        await connection.CloseAsync(4000);
        var resumed = await fake.NextConnectionAsync();
        await resumed.HelloAsync();
        var resume = (await resumed.ExpectAsync(6)).GetProperty("d");
        Assert.StartsWith("/resume?v=10&encoding=json", resumed.Path, StringComparison.Ordinal);
        Assert.Equal("evenmorerandomstring", resume.GetProperty("session_id").GetString());
        Assert.Equal(1, resume.GetProperty("seq").GetInt64());
    }
}
