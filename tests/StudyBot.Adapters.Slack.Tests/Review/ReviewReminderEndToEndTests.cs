using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Review.Reminders;

namespace StudyBot.Adapters.Slack.Tests.Review;

/// <summary>
/// Review reminders on Slack with the real core: <c>/study review remind</c>, a reminder round, the DM opened
/// once (conversations.open) and posted with "Start review", the review started from the DM, and a member
/// Slack will not let the bot message skipped.
/// </summary>
public sealed class ReviewReminderEndToEndTests
{
    private const string Sora = "U0SORA";
    private const string Dan = "U0DAN";
    private const string Joon = "U0JOON";

    [Fact]
    public async Task A_reminder_round_DMs_the_due_member_skips_one_who_cannot_be_messaged_and_the_button_starts_the_review_in_the_DM()
    {
        await using var bot = await RealCoreSlack.StartAsync();
        await bot.AnswerDailyQuestionAsync((Sora, RealCoreSlack.WrongChoice), (Dan, RealCoreSlack.WrongChoice), (Joon, RealCoreSlack.RightChoice));
        foreach (var member in new[] { Sora, Dan, Joon })
        {
            var on = await bot.SlashAsync($"env-remind-{member}", "review remind 08:00 Asia/Seoul", member);
            Assert.Equal("ephemeral", on.GetProperty("response_type").GetString());
            Assert.Contains("Review reminders are on", RealCoreSlack.Text(on), StringComparison.Ordinal);
            Assert.Contains("08:00 Asia/Seoul", RealCoreSlack.Text(on), StringComparison.Ordinal);
        }
        // Slack will not open a DM with Dan.
        bot.Slack.Script(c => c.Method == "conversations.open" && c.Arg("users") == Dan ? FakeResponse.Error("cannot_dm_bot") : null);

        // Friday 08:00:05 in Seoul: Wednesday's missed cards are due, Joon's is not. The round's work runs
        // directly; the every-minute trigger's next firing is a whole minute away on this clock.
        var seoul = TimeSpan.FromHours(9);
        var friday = DateOnly.FromDateTime(bot.Clock.GetUtcNow().ToOffset(seoul).DateTime).AddDays(2);
        bot.Clock.Set(new DateTimeOffset(friday.ToDateTime(new TimeOnly(8, 0, 5)), seoul));
        var round = bot.Services.GetRequiredService<ReviewReminderRound>();
        Assert.Equal(new ReviewReminderRound.Outcome(Sent: 1, NothingDue: 1, Unreachable: 1, Failed: 0), await round.RunAsync(default));

        var opens = bot.Slack.Calls.All.Where(c => c.Method == "conversations.open").ToList();
        Assert.Single(opens, c => c.Arg("users") == Sora);
        Assert.Single(opens, c => c.Arg("users") == Dan);
        Assert.DoesNotContain(opens, c => c.Arg("users") == Joon);
        var reminder = Assert.Single(bot.Slack.Calls.All, c => c.Method == "chat.postMessage" && c.Arg("channel") == "D" + Sora);
        Assert.Equal($"Bearer {SlackTestHost.BotToken}", reminder.Authorization);
        ReviewSessionEndToEndTests.AssertBlockKit(reminder.Body);
        Assert.Equal("Time to review", RealCoreSlack.Header(reminder.Body));
        Assert.Contains("1 card", reminder.Arg("text"), StringComparison.Ordinal);
        var start = Assert.Single(RealCoreSlack.ButtonsOf(reminder.Body));
        Assert.Equal(("Start review", "sb:rv:start"), start);
        Assert.DoesNotContain(bot.Slack.Calls.All, c => c.Method == "chat.postMessage" && c.Arg("channel") == "D" + Dan);

        // Dan: skipped, logged once by the adapter and once by the round (information: nothing to fix), never with a token.
        Assert.Single(bot.Logs.Entries.All, e => e.Message.Contains($"Slack user {Dan} cannot be sent direct messages (conversations.open: cannot_dm_bot)", StringComparison.Ordinal));
        Assert.Single(bot.Logs.Entries.All, e => e.Message.Contains($"Review reminders turned off for slack user {Dan}", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.Entries.All, e => e.Text.Contains(SlackTestHost.BotToken, StringComparison.Ordinal)
            || e.Text.Contains(SlackTestHost.AppToken, StringComparison.Ordinal));

        // The next round sends nothing: Sora had today's, Dan's reminders are off, Joon's moved to Saturday.
        Assert.Equal(new ReviewReminderRound.Outcome(0, 0, 0, 0), await round.RunAsync(default));
        Assert.Single(bot.Slack.Calls.All, c => c.Method == "chat.postMessage" && c.Arg("channel") == "D" + Sora);

        // Sora clicks "Start review" in the DM: the review starts there, privately, under the reminder.
        var card = await bot.ClickAsync("click-start", start.ActionId, Sora, channelId: "D" + Sora, messageTs: reminder.Arg("ts") ?? "1700000000.000001");
        ReviewSessionEndToEndTests.AssertBlockKit(card.Body);
        Assert.Equal("ephemeral", card.Arg("response_type"));
        Assert.Equal("Review · Amazon EBS", RealCoreSlack.Header(card.Body));
        var right = RealCoreSlack.ButtonsOf(card.Body)[RealCoreSlack.RightChoice];
        // Her answer on that ephemeral card replaces it.
        var answered = await bot.ClickAsync("click-dm-answer", right.ActionId, Sora, channelId: "D" + Sora, isEphemeral: true);
        Assert.Equal("true", answered.Arg("replace_original"));
        Assert.Contains("Correct!", answered.Arg("text"), StringComparison.Ordinal);
        Assert.Equal(2, (await bot.CardAsync(Sora)).Memory.Reps);
        Assert.DoesNotContain(bot.Logs.Entries.All, e => e.Level >= LogLevel.Error);
    }
}
