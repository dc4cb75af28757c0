using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using StudyBot.Core.Chat;
using StudyBot.Core.Review;
using StudyBot.Core.Storage;

namespace StudyBot.Web.Tests;

public sealed class ReviewsDueMetricTests
{
    [Fact]
    public async Task Metrics_show_the_review_cards_due_now()
    {
        await using var bot = await BotWithWeb.StartAsync();
        var reviews = bot.Host.Services.GetRequiredService<IReviewStore>();
        var reviewedAt = DateTimeOffset.UtcNow.AddDays(-3);
        // Two cards due yesterday and one due next week, written as /review answers would be.
        await reviews.ReviewAsync(new ChatUser("console", "ann", "Ann"), Review("q1", reviewedAt, days: 2), 0, default);
        await reviews.ReviewAsync(new ChatUser("console", "ben", "Ben"), Review("q1", reviewedAt, days: 2), 0, default);
        await reviews.ReviewAsync(new ChatUser("console", "ben", "Ben"), Review("q2", reviewedAt, days: 10), 0, default);

        var (status, body, _) = await bot.GetAsync("/metrics", remote: "127.0.0.1");

        Assert.Equal(200, status);
        Assert.Contains("# TYPE studybot_reviews_due gauge", body, StringComparison.Ordinal);
        // Hosts of other tests in this process add to the same gauge, but none has a card due before minutes from now.
        Assert.Equal(2, Due(body));
    }

    private static CardReview Review(string question, DateTimeOffset at, int days) =>
        new("e2e", question, "ebs", Rating.Good, ReviewSource.Review, at,
            (before, _, reviewed) => new MemoryCard(CardState.Review, 3, 5, reviewed.AddDays(days), reviewed, before.Reps + 1, 0));

    private static double Due(string exposition)
    {
        var match = Regex.Match(exposition, @"^studybot_reviews_due\{[^}]*\} (?<value>[-+0-9.eE]+)", RegexOptions.Multiline);
        Assert.True(match.Success, exposition);
        return double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
    }
}
