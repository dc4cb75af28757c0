using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;
using Xunit.Abstractions;

namespace StudyBot.Adapters.Discord.Tests;

/// <summary>
/// A daily post carries a nonce Discord enforces, so a resend after a crash (the message made, its id never stored)
/// gets the first message back instead of making a second.
/// </summary>
public sealed class DailyPostNonceTests(ITestOutputHelper output)
{
    private const string Channel = "chan-1";
    private static readonly ChatMessage Question = new("Question of the day", "Which one?", [], [new ChatButton("sb:a:42:0", "A. this")], "ebs-001");

    [Fact]
    public async Task A_daily_post_carries_a_nonce_from_its_post_id_that_Discord_enforces()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, start: false);

        await host.Platform.PostDailyAsync(Channel, Question, new DailyPostSend(9_223_372_036_854_775_807, DateTimeOffset.UtcNow, IsResend: false), default);
        await host.Platform.PostAsync(Channel, Question, default);

        var (daily, other) = (fake.MessagesPostedIn(Channel)[0].Json, fake.MessagesPostedIn(Channel)[1].Json);
        // The longest post id still fits the spec's 25 characters (the fake checks the body against discord-api-spec).
        Assert.Equal("post-9223372036854775807", daily.GetProperty("nonce").GetString());
        Assert.Equal(JsonValueKind.True, daily.GetProperty("enforce_nonce").ValueKind);
        Assert.False(other.TryGetProperty("nonce", out _));
    }

    [Fact]
    public async Task A_resend_within_the_nonce_window_gets_the_first_message_and_makes_none()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, start: false);
        var reservedAt = DateTimeOffset.UtcNow;

        var first = await host.Platform.PostDailyAsync(Channel, Question, new DailyPostSend(7, reservedAt, IsResend: false), default);
        var again = await host.Platform.PostDailyAsync(Channel, Question, new DailyPostSend(7, reservedAt, IsResend: true), default);
        var otherPost = await host.Platform.PostDailyAsync(Channel, Question, new DailyPostSend(8, reservedAt, IsResend: false), default);

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherPost);
        Assert.Equal(2, fake.MessagesPostedIn(Channel).Count);
        Assert.Single(fake.NonceRepeats);
    }

    [Fact]
    public async Task A_resend_after_the_nonce_window_makes_a_second_message()
    {
        // What README says remains: a node dead longer than Discord's window doubles the post.
        await using var fake = await FakeDiscord.StartAsync();
        fake.NonceWindow = TimeSpan.Zero;
        await using var host = await DiscordTestHost.StartAsync(fake, start: false);

        var first = await host.Platform.PostDailyAsync(Channel, Question, new DailyPostSend(7, DateTimeOffset.UtcNow, IsResend: false), default);
        var late = await host.Platform.PostDailyAsync(Channel, Question, new DailyPostSend(7, DateTimeOffset.UtcNow, IsResend: true), default);

        Assert.NotEqual(first, late);
        Assert.Equal(2, fake.MessagesPostedIn(Channel).Count);
    }

    [Fact]
    public async Task A_post_whose_send_reached_Discord_before_the_crash_is_finished_with_that_one_message()
    {
        await using var bot = await RealCoreBot.StartAsync(output);
        await bot.InteractAsync(Payloads.Interaction("int-setup", 2,
            new JsonObject { ["id"] = "cmd-study", ["name"] = "study", ["type"] = 1,
                ["options"] = new JsonArray(Payloads.SubCommand("setup", Payloads.Option("time", "09:00"), Payloads.Option("timezone", "Asia/Seoul"))) },
            Channel, Payloads.ManageChannels, "en-US", inGuild: true, userId: "admin-1"));
        var channel = await bot.Services.GetRequiredService<IChannelStore>().GetOrAddAsync(new ChannelAddress("discord", Channel), default);
        var pack = bot.Services.GetRequiredService<ContentCatalog>().ForChannel(channel.PackId)!;
        var now = bot.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(9)).DateTime);
        var (post, _) = await bot.Posts.ReserveAsync(new NewPost(channel.Id, pack.Id, pack.Questions[0].Id, today, now, now.AddHours(1)), default);
        // The dead run's send reached Discord; the process died before the message id was stored.
        var platform = bot.Services.GetServices<IChatPlatform>().Single(p => p.Name == "discord");
        var lost = await platform.PostDailyAsync(Channel, Question, new DailyPostSend(post.Id, post.OpensAt, IsResend: false), default);

        var (outcome, finished) = await bot.Services.GetRequiredService<DailyQuestions>().PostAsync(channel.Id, scheduled: true, default, recovering: true);

        Assert.Equal(DailyPostOutcome.Posted, outcome);
        Assert.Equal(lost, finished!.MessageId);
        Assert.Equal(lost, (await bot.Posts.FindAsync(post.Id, default))!.MessageId);
        Assert.Single(bot.Fake.MessagesPostedIn(Channel));
        Assert.Single(bot.Fake.NonceRepeats);
        // The thread opens on the one message.
        Assert.True(bot.Fake.Threads.ContainsKey(lost));
    }
}
