using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StudyBot.Core.Review;
using StudyBot.Core.Storage;
using Xunit.Abstractions;

namespace StudyBot.Adapters.Discord.Tests.Review;

/// <summary>
/// Issue 13 on Discord with the real core on a real SQLite file: a missed daily question comes back in
/// <c>/review</c> the next day, the answer updates the same ephemeral message, and Hard/Easy re-grade it.
/// </summary>
public sealed partial class ReviewSessionEndToEndTests(ITestOutputHelper output)
{
    private static readonly ReviewMember Mina = new("800000000000000101", "Mina");
    private static readonly ReviewMember Joon = new("800000000000000102", "Joon");

    [Fact]
    public async Task A_missed_question_is_reviewed_the_next_day_in_one_ephemeral_message_then_re_graded_easy_by_its_owner_only()
    {
        await using var bot = await RealCoreBot.StartAsync(output);
        await DailyRound.AnswerAndCloseAsync(bot, (Mina, DailyRound.WrongChoice), (Joon, DailyRound.RightChoice));

        // The same day nothing is due yet: a missed card comes back after a day.
        var sameDay = await bot.InteractAsync(Mina.Command("int-review-0", "review"));
        Assert.Equal((64, "Nothing to review"), (Flags(sameDay), Title(sameDay)));

        // 1. The next afternoon, /review shows the due count and the card, privately (type 4, flags 64).
        bot.Clock.Set(bot.Clock.GetUtcNow().AddHours(25));
        var card = await bot.InteractAsync(Mina.Command("int-review-1", "review"));
        Assert.Equal((64, "Review · Amazon EBS"), (Flags(card), Title(card)));
        Assert.Equal("1 due", card.GetProperty("embeds")[0].GetProperty("footer").GetProperty("text").GetString());
        Assert.Contains("Where does an EBS volume live?", Description(card), StringComparison.Ordinal);
        var choices = DailyRound.ButtonsOf(card);
        Assert.Equal(["A. In a Region", "B. In one Availability Zone", "C. In an edge location"], choices.Select(b => b.Label));
        // The card was reviewed once (the daily answer), and the buttons carry that count.
        Assert.Equal(["sb:r:1:e2e-ebs-az:0:-1", "sb:r:1:e2e-ebs-az:1:-1", "sb:r:1:e2e-ebs-az:2:-1"], choices.Select(b => b.Id));

        // The right answer: an UPDATE_MESSAGE (type 7) of that same ephemeral message, flags left alone.
        var update = await bot.CallbackAsync(Mina.ClickPrivate("int-review-2", choices[DailyRound.RightChoice].Id));
        Assert.Equal(7, update.Json.GetProperty("type").GetInt32());
        var answered = update.Json.GetProperty("data");
        Assert.False(answered.TryGetProperty("flags", out _), "an update cannot change the ephemeral flag");
        Assert.Equal("Nothing to review", Title(answered));
        var text = Description(answered);
        Assert.StartsWith("**Correct!** An EBS volume is bound to one Availability Zone.", text, StringComparison.Ordinal);
        var goodDays = DaysAhead(text);
        var regrade = DailyRound.ButtonsOf(answered);
        Assert.Equal(["That was hard", "That was easy"], regrade.Select(b => b.Label));
        Assert.Matches("^sb:g:[0-9]+:2$", regrade[0].Id);
        Assert.Matches("^sb:g:[0-9]+:4$", regrade[1].Id);
        var good = await CardAsync(bot, Mina);
        Assert.Equal((2, Rating.Good), (good.Memory.Reps, good.LastRating));

        // 2. Another member sends Mina's Easy button: a private refusal, and her card stays as it was.
        var foreign = await bot.InteractAsync(Joon.ClickPrivate("int-review-3", regrade[1].Id));
        Assert.Equal((64, "Not your review"), (Flags(foreign), Title(foreign)));
        Assert.Equal(good, await CardAsync(bot, Mina));

        // Mina marks it easy: the card's next review moves later than Good put it.
        var easy = await bot.CallbackAsync(Mina.ClickPrivate("int-review-4", regrade[1].Id));
        var easyData = easy.Json.GetProperty("data");
        // The re-grade takes the answered message's place (type 7), the next card or "nothing due" still below it.
        Assert.Equal(7, easy.Json.GetProperty("type").GetInt32());
        Assert.StartsWith("**Marked easy.** Next review of this card:", Description(easyData), StringComparison.Ordinal);
        var regraded = await CardAsync(bot, Mina);
        Assert.Equal(Rating.Easy, regraded.LastRating);
        Assert.True(regraded.Memory.Due > good.Memory.Due, $"easy due {regraded.Memory.Due:O} is not after good due {good.Memory.Due:O}");
        Assert.True(DaysAhead(Description(easyData)) > goodDays);
        output.WriteLine($"good: {good.Memory.Due:O} ({goodDays} days); easy: {regraded.Memory.Due:O}; re-grade callback type {easy.Json.GetProperty("type").GetInt32()}");

        Assert.Empty(bot.Fake.SpecViolations);
        Assert.DoesNotContain(bot.Fake.Requests, r => r.Path.StartsWith("webhooks/", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.Entries, l => l.Level >= LogLevel.Error);
    }

    internal static async Task<StoredCard> CardAsync(RealCoreBot bot, ReviewMember member)
    {
        var userId = await bot.Services.GetRequiredService<IUserStore>().GetOrAddAsync(member.User, default);
        return Assert.Single(await bot.Services.GetRequiredService<IReviewStore>().CardsAsync(userId, default));
    }

    /// <summary>N in "Next review of this card: in N days."</summary>
    private static int DaysAhead(string text) =>
        int.Parse(NextReview().Match(text) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException($"no interval in: {text}"),
            System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Next review of this card: in (\d+) days\.")]
    private static partial Regex NextReview();

    private static string Title(JsonElement data) => data.GetProperty("embeds")[0].GetProperty("title").GetString()!;

    private static string Description(JsonElement data) => data.GetProperty("embeds")[0].GetProperty("description").GetString()!;

    private static int Flags(JsonElement data) => data.TryGetProperty("flags", out var flags) ? flags.GetInt32() : 0;
}
