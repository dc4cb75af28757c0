using StudyBot.Core.Chat;
using StudyBot.Core.Health;
using StudyBot.Testing;

namespace StudyBot.Storage.Sqlite.Tests;

/// <summary>The reviews-due gauge on a real SQLite file: a card written is counted at once, a card coming due by the clock on the next scrape.</summary>
public sealed class ReviewsDueReadingTests : IDisposable
{
    private readonly SqliteStorage _storage = new();
    private readonly ManualClock _clock = new();

    public void Dispose() => _storage.Dispose();

    [Fact]
    public async Task A_scrape_counts_cards_written_since_the_last_one_and_cards_that_came_due_by_the_clock()
    {
        var now = _clock.GetUtcNow();
        var ann = await _storage.Users.GetOrAddAsync(new ChatUser("test", "ann", "Ann"), default);
        await _storage.AddReviewCardAsync(ann, "q1", now.AddHours(-1));
        await _storage.AddReviewCardAsync(ann, "q2", now.AddSeconds(20));
        var reading = new ReviewsDueReading(_storage.Reviews, _clock);

        Assert.Equal(1, reading.Current());
        await _storage.AddReviewCardAsync(ann, "q3", now.AddDays(-2));
        Assert.Equal(2, reading.Current());

        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(3, reading.Current());
        // Past the hour: q2 is now counted from the tally of whole hours, not the index on due.
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(3, reading.Current());
    }
}
