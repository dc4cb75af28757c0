using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Tests.Review;

/// <summary>Reminders: a DM channel opened once per member, then a plain message there; 50007 means unreachable.</summary>
public sealed class DirectMessageTests
{
    private static readonly ChatMessage Reminder =
        new("3 cards are due", "Time for today's review.", [], [new ChatButton(ButtonIds.StartReview, "Start review")]);

    [Fact]
    public async Task The_DM_channel_is_opened_once_per_member_and_the_message_posted_there()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var host = await DiscordTestHost.StartAsync(fake, start: false);

        Assert.Equal(DirectMessageResult.Sent, await host.Platform.SendDirectAsync("800000000000000007", Reminder, CancellationToken.None));
        Assert.Equal(DirectMessageResult.Sent, await host.Platform.SendDirectAsync("800000000000000007", Reminder, CancellationToken.None));

        var open = Assert.Single(fake.RequestsTo("POST", "users/@me/channels"));
        Assert.Equal("800000000000000007", open.Json.GetProperty("recipient_id").GetString());
        Assert.Equal($"Bot {DiscordTestHost.Token}", open.Authorization);
        var posts = fake.RequestsTo("POST", "channels/dm-800000000000000007/messages");
        Assert.Equal(2, posts.Count);
        Assert.Equal("3 cards are due", posts[0].Json.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Equal(ButtonIds.StartReview, posts[0].Json.GetProperty("components")[0].GetProperty("components")[0].GetProperty("custom_id").GetString());
    }

    [Fact]
    public async Task Closed_DMs_are_unreachable_and_logged_once_per_member_without_the_token()
    {
        await using var fake = await FakeDiscord.StartAsync();
        for (var i = 0; i < 2; i++)
            fake.Script(r => r.Is("POST", "channels/dm-800000000000000008/messages") ? new FakeResponse(403, """{"message": "Cannot send messages to this user", "code": 50007}""") : null);
        await using var host = await DiscordTestHost.StartAsync(fake, start: false);

        Assert.Equal(DirectMessageResult.Unreachable, await host.Platform.SendDirectAsync("800000000000000008", Reminder, CancellationToken.None));
        Assert.Equal(DirectMessageResult.Unreachable, await host.Platform.SendDirectAsync("800000000000000008", Reminder, CancellationToken.None));
        Assert.Equal(DirectMessageResult.Sent, await host.Platform.SendDirectAsync("800000000000000009", Reminder, CancellationToken.None));

        Assert.Single(host.Logs.Entries, e => e.Message.Contains("800000000000000008", StringComparison.Ordinal) && e.Message.Contains("50007", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Text.Contains(DiscordTestHost.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Other_refusals_are_not_taken_for_closed_DMs()
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.Script(r => r.Is("POST", "channels/dm-800000000000000008/messages") ? new FakeResponse(403, """{"message": "Missing Access", "code": 50001}""") : null);
        await using var host = await DiscordTestHost.StartAsync(fake, start: false);

        await Assert.ThrowsAnyAsync<Exception>(() => host.Platform.SendDirectAsync("800000000000000008", Reminder, CancellationToken.None));
        Assert.False(host.Logs.Has(LogLevel.Information, "50007"));
    }
}
