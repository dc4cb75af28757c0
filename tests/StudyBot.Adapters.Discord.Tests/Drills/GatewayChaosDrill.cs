using System.Text.Json.Nodes;
using StudyBot.Core.Chat;
using Xunit.Abstractions;

namespace StudyBot.Adapters.Discord.Tests.Drills;

/// <summary>
/// Reliability drill: clicks stream in while the fake Discord keeps dropping the gateway (close codes
/// that resume, op 7, or a plain cut). On each resume it replays what the bot says it missed plus a
/// few dispatches the bot already handled, as Discord may. Every click must be stored exactly once
/// and answered exactly once, on the real core and SQLite.
/// </summary>
public sealed class GatewayChaosDrill(ITestOutputHelper output)
{
    // Quick enough for dotnet test; STUDYBOT_CHAOS_CLICKS raises it for the long drill.
    private static readonly int Clicks = int.TryParse(Environment.GetEnvironmentVariable("STUDYBOT_CHAOS_CLICKS"), out var n) ? n : 240;
    private const int ReplayedTwice = 3;

    [Fact]
    public async Task Clicks_during_random_disconnects_are_each_stored_and_answered_once()
    {
        await using var bot = await RealCoreBot.StartAsync(output);
        await bot.InteractAsync(Payloads.SlashCommand("int-setup", "study",
            [Payloads.SubCommand("setup", Payloads.Option("time", "09:00"), Payloads.Option("timezone", "Asia/Seoul"))], permissions: Payloads.ManageChannels));
        await bot.InteractAsync(Payloads.SlashCommand("int-now", "study", [Payloads.SubCommand("now")], permissions: Payloads.ManageChannels));
        var postId = (await bot.Posts.FindOpenAsync(1, default))!.Id;

        var random = new Random(20261122);
        var sent = new List<(long Sequence, JsonObject Payload)>();
        var drops = 0;
        for (var i = 0; i < Clicks; i++)
        {
            var click = Payloads.Button($"click-{i}", ButtonIds.Daily(postId, i % 3), userId: $"user-{i}");
            var sequence = bot.NextSequence();
            sent.Add((sequence, click));
            await TrySendAsync(bot.Connection, sequence, click);
            if (random.Next(25) == 0)
            {
                await DropAndResumeAsync(bot, sent, random);
                drops++;
            }
        }

        foreach (var (_, click) in sent)
            await bot.Fake.WaitForRequestAsync(r => r.Is("POST", $"interactions/{click["id"]}/"), TimeSpan.FromSeconds(20));
        var results = await bot.Posts.ResultsAsync(postId, default);
        output.WriteLine($"{Clicks} clicks, {drops} drops, {results.Answered} answers stored");

        Assert.True(drops >= 3, $"only {drops} drops: the drill did not exercise reconnects");
        Assert.Equal(Clicks, results.Answered);
        Assert.All(sent, s => Assert.Single(bot.Fake.RequestsTo("POST", $"interactions/{s.Payload["id"]}/")));
        Assert.True(bot.Adapters.IsRunning("discord"));
    }

    private static async Task TrySendAsync(FakeGatewayConnection connection, long sequence, JsonObject click)
    {
        try
        {
            await connection.DispatchAsync("INTERACTION_CREATE", sequence, click.DeepClone());
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or ObjectDisposedException)
        {
            // Lost on the wire: Discord replays it after the resume.
        }
    }

    private static async Task DropAndResumeAsync(RealCoreBot bot, List<(long Sequence, JsonObject Payload)> sent, Random random)
    {
        switch (random.Next(3))
        {
            case 0: await bot.Connection.CloseAsync(4000); break;
            case 1: await bot.Connection.OpAsync(7); break;
            default: await bot.Connection.CloseAsync(4008); break;
        }
        var next = await bot.Fake.NextConnectionAsync(TimeSpan.FromSeconds(20));
        await next.HelloAsync();
        var resumedFrom = (await next.ExpectAsync(6)).GetProperty("d").GetProperty("seq").GetInt64();
        foreach (var (sequence, payload) in sent.Where(s => s.Sequence > resumedFrom - ReplayedTwice))
            await next.DispatchAsync("INTERACTION_CREATE", sequence, payload.DeepClone());
        await next.DispatchAsync("RESUMED", bot.Sequence, new JsonObject());
        bot.Connection = next;
    }
}
