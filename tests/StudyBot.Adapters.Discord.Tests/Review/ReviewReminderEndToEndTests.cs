using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Review.Reminders;
using Xunit.Abstractions;

namespace StudyBot.Adapters.Discord.Tests.Review;

/// <summary>
/// Review reminders on Discord with the real core: <c>/review remind</c>, a reminder round, the DM opened once
/// and posted with "Start review", the review started from the DM, and a member with closed DMs skipped.
/// </summary>
public sealed class ReviewReminderEndToEndTests(ITestOutputHelper output)
{
    private static readonly ReviewMember Sora = new("800000000000000201", "Sora");
    private static readonly ReviewMember Dan = new("800000000000000202", "Dan");
    private static readonly ReviewMember Joon = new("800000000000000203", "Joon");

    [Fact]
    public async Task A_reminder_round_DMs_the_due_member_skips_closed_DMs_and_the_button_starts_the_review_in_the_DM()
    {
        await using var bot = await RealCoreBot.StartAsync(output);
        // Sora and Dan miss the question (a card due tomorrow); Joon gets it right (due in days).
        await DailyRound.AnswerAndCloseAsync(bot, (Sora, DailyRound.WrongChoice), (Dan, DailyRound.WrongChoice), (Joon, DailyRound.RightChoice));
        foreach (var member in new[] { Sora, Dan, Joon })
        {
            var on = await bot.InteractAsync(member.Command($"int-remind-{member.Id}", "review", Payloads.Option("topic", "remind 08:00 Asia/Seoul")));
            Assert.Equal((64, "Review reminders are on"), (Flags(on), Title(on)));
            Assert.Contains("**08:00 Asia/Seoul**", Description(on), StringComparison.Ordinal);
        }
        // Dan's DMs are closed: Discord refuses the message with 50007 (the channel itself opens).
        bot.Fake.Script(r => r.Is("POST", $"channels/{Dan.DmChannel}/messages")
            ? new FakeResponse(403, """{"message": "Cannot send messages to this user", "code": 50007}""") : null);

        // Friday 08:00:05 in Seoul: Wednesday's missed cards are due, Joon's is not. The round's work runs
        // directly; the every-minute trigger's next firing is a whole minute away on this clock.
        var seoul = TimeSpan.FromHours(9);
        var friday = DateOnly.FromDateTime(bot.Clock.GetUtcNow().ToOffset(seoul).DateTime).AddDays(2);
        bot.Clock.Set(new DateTimeOffset(friday.ToDateTime(new TimeOnly(8, 0, 5)), seoul));
        var round = bot.Services.GetRequiredService<ReviewReminderRound>();
        Assert.Equal(new ReviewReminderRound.Outcome(Sent: 1, NothingDue: 1, Unreachable: 1, Failed: 0), await round.RunAsync(default));

        var sora = Assert.Single(bot.Fake.RequestsTo("POST", "users/@me/channels"), r => r.Json.GetProperty("recipient_id").GetString() == Sora.Id);
        Assert.Equal($"Bot {DiscordTestHost.Token}", sora.Authorization);
        Assert.Single(bot.Fake.RequestsTo("POST", "users/@me/channels"), r => r.Json.GetProperty("recipient_id").GetString() == Dan.Id);
        Assert.DoesNotContain(bot.Fake.RequestsTo("POST", "users/@me/channels"), r => r.Json.GetProperty("recipient_id").GetString() == Joon.Id);
        var reminder = Assert.Single(bot.Fake.RequestsTo("POST", $"channels/{Sora.DmChannel}/messages")).Json;
        Assert.Equal("Time to review", Title(reminder));
        Assert.Equal("**1 card** is due for review today.", Description(reminder));
        var start = Assert.Single(DailyRound.ButtonsOf(reminder));
        Assert.Equal(("Start review", "sb:rv:start"), start);

        // Dan: skipped, logged once by the adapter and once by the round, never with the token.
        Assert.Single(bot.Logs.Entries, e => e.Message.Contains(Dan.Id, StringComparison.Ordinal) && e.Message.Contains("50007", StringComparison.Ordinal));
        Assert.Single(bot.Logs.Entries, e => e.Message.Contains($"Review reminders turned off for discord user {Dan.Id}", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.Entries, e => e.Text.Contains(DiscordTestHost.Token, StringComparison.Ordinal));

        // The next round sends nothing: Sora had today's, Dan's reminders are off, Joon's moved to Saturday.
        Assert.Equal(new ReviewReminderRound.Outcome(0, 0, 0, 0), await round.RunAsync(default));
        Assert.Single(bot.Fake.RequestsTo("POST", $"channels/{Sora.DmChannel}/messages"));
        Assert.Single(bot.Fake.RequestsTo("POST", $"channels/{Dan.DmChannel}/messages"));

        // Sora clicks "Start review" in the DM: the reminder becomes her first card (UPDATE_MESSAGE, type 7).
        var started = await bot.CallbackAsync(Sora.ClickInDm("int-start", start.Id));
        var card = started.Json.GetProperty("data");
        Assert.Equal((7, "Review · Amazon EBS"), (started.Json.GetProperty("type").GetInt32(), Title(card)));
        Assert.Equal("1 due", card.GetProperty("embeds")[0].GetProperty("footer").GetProperty("text").GetString());
        var right = DailyRound.ButtonsOf(card)[DailyRound.RightChoice];
        // Her answer in the DM updates that message in place.
        var update = await bot.CallbackAsync(Sora.ClickInDm("int-dm-answer", right.Id));
        Assert.Equal(7, update.Json.GetProperty("type").GetInt32());
        Assert.StartsWith("**Correct!**", Description(update.Json.GetProperty("data")), StringComparison.Ordinal);
        Assert.Equal(2, (await ReviewSessionEndToEndTests.CardAsync(bot, Sora)).Memory.Reps);

        Assert.Empty(bot.Fake.SpecViolations);
        Assert.DoesNotContain(bot.Logs.Entries, l => l.Level >= LogLevel.Error);
    }

    private static string Title(JsonElement data) => data.GetProperty("embeds")[0].GetProperty("title").GetString()!;

    private static string Description(JsonElement data) => data.GetProperty("embeds")[0].GetProperty("description").GetString()!;

    private static int Flags(JsonElement data) => data.TryGetProperty("flags", out var flags) ? flags.GetInt32() : 0;
}
