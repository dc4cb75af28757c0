using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Slack.Tests.Conformance;
using StudyBot.Core.Review;

namespace StudyBot.Adapters.Slack.Tests.Review;

/// <summary>
/// Issue 13 on Slack with the real core on a real SQLite file: a missed daily question comes back in
/// <c>/study review</c> the next day, each answer replaces the ephemeral message, and Hard/Easy re-grade it.
/// </summary>
public sealed class ReviewSessionEndToEndTests
{
    private const string Mina = "U0MINA";
    private const string Joon = "U0JOON";

    [Fact]
    public async Task A_missed_question_is_reviewed_the_next_day_replacing_the_ephemeral_message_then_re_graded_easy_by_its_owner_only()
    {
        await using var bot = await RealCoreSlack.StartAsync();
        await bot.AnswerDailyQuestionAsync((Mina, RealCoreSlack.WrongChoice), (Joon, RealCoreSlack.RightChoice));

        // 1. The next afternoon /study review answers privately with the due count and the card.
        bot.Clock.Set(bot.Clock.GetUtcNow().AddHours(25));
        var card = await bot.SlashAsync("env-review", "review", Mina);
        AssertBlockKit(card);
        Assert.Equal("ephemeral", card.GetProperty("response_type").GetString());
        Assert.Equal("Review · Amazon EBS", RealCoreSlack.Header(card));
        Assert.Contains("Where does an EBS volume live?", RealCoreSlack.Text(card), StringComparison.Ordinal);
        Assert.Contains("1 due", ContextText(card), StringComparison.Ordinal);
        var choices = RealCoreSlack.ButtonsOf(card);
        Assert.Equal(["A. In a Region", "B. In one Availability Zone", "C. In an edge location"], choices.Select(b => b.Label));
        Assert.Equal(["sb:r:1:e2e-ebs-az:0:-1", "sb:r:1:e2e-ebs-az:1:-1", "sb:r:1:e2e-ebs-az:2:-1"], choices.Select(b => b.ActionId));

        // The right answer replaces that ephemeral message through the click's response_url.
        var answered = await bot.ClickAsync("click-review", choices[RealCoreSlack.RightChoice].ActionId, Mina, isEphemeral: true);
        AssertBlockKit(answered.Body);
        Assert.Equal(("true", "ephemeral"), (answered.Arg("replace_original"), answered.Arg("response_type")));
        Assert.Equal("Nothing to review", RealCoreSlack.Header(answered.Body));
        Assert.Contains("Correct!", answered.Arg("text"), StringComparison.Ordinal);
        Assert.Contains("An EBS volume is bound to one Availability Zone.", answered.Arg("text"), StringComparison.Ordinal);
        var regrade = RealCoreSlack.ButtonsOf(answered.Body);
        Assert.Equal(["That was hard", "That was easy"], regrade.Select(b => b.Label));
        Assert.Matches("^sb:g:[0-9]+:4$", regrade[1].ActionId);
        var good = await bot.CardAsync(Mina);
        Assert.Equal((2, Rating.Good), (good.Memory.Reps, good.LastRating));

        // 2. Another member sends Mina's Easy button: a private refusal, her card unchanged.
        var foreign = await bot.ClickAsync("click-foreign", regrade[1].ActionId, Joon, isEphemeral: true);
        Assert.Equal("ephemeral", foreign.Arg("response_type"));
        Assert.Contains("Not your review", foreign.Arg("text"), StringComparison.Ordinal);
        Assert.Equal(good, await bot.CardAsync(Mina));

        // Mina marks it easy: the message is replaced again and the card's next review moves later than Good's.
        var easy = await bot.ClickAsync("click-easy", regrade[1].ActionId, Mina, isEphemeral: true);
        AssertBlockKit(easy.Body);
        Assert.Equal(("true", "ephemeral"), (easy.Arg("replace_original"), easy.Arg("response_type")));
        Assert.Contains("Marked easy", easy.Arg("text"), StringComparison.Ordinal);
        var regraded = await bot.CardAsync(Mina);
        Assert.Equal(Rating.Easy, regraded.LastRating);
        Assert.True(regraded.Memory.Due > good.Memory.Due, $"easy due {regraded.Memory.Due:O} is not after good due {good.Memory.Due:O}");

        foreach (var id in new[] { "env-review", "click-review", "click-foreign", "click-easy" })
            Assert.Equal(1, bot.Socket.AckCount(id));
        Assert.DoesNotContain(bot.Logs.Entries.All, e => e.Level >= LogLevel.Error);
    }

    internal static void AssertBlockKit(JsonElement body) =>
        Assert.Empty(BlockKitChecker.Problems(JsonNode.Parse(body.GetRawText())));

    private static string ContextText(JsonElement body) =>
        string.Join("\n", RealCoreSlack.Blocks(body, "context").SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .Select(e => e.GetProperty("text").GetString()));
}
