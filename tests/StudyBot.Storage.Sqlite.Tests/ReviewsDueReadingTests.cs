using StudyBot.Core.Chat;
using StudyBot.Core.Health;
using StudyBot.Testing;

namespace StudyBot.Storage.Sqlite.Tests;

/// <summary>The reviews-due gauge reads the SQLite file at most once per <see cref="ReviewsDueReading.MaxAge"/>, whatever the scrape rate, and in the background.</summary>
public sealed class ReviewsDueReadingTests : IDisposable
{
    private readonly SqliteStorage _storage = new();
    private readonly ManualClock _clock = new();

    public void Dispose() => _storage.Dispose();

    [Fact]
    public async Task A_scrape_within_the_max_age_reuses_the_count_and_a_later_one_has_the_cards_read_again()
    {
        var now = _clock.GetUtcNow();
        var ann = await _storage.Users.GetOrAddAsync(new ChatUser("test", "ann", "Ann"), default);
        await _storage.AddReviewCardAsync(ann, "q1", now.AddHours(-1));
        await _storage.AddReviewCardAsync(ann, "q2", now.AddSeconds(20));
        var reading = new ReviewsDueReading(_storage.Reviews, _clock);

        Assert.Equal(1, reading.Current());
        await _storage.AddReviewCardAsync(ann, "q3", now.AddDays(-2));
        _clock.Advance(ReviewsDueReading.MaxAge - TimeSpan.FromSeconds(1));
        Assert.Equal(1, reading.Current());

        _clock.Advance(TimeSpan.FromSeconds(1));
        // The scrape that finds the count too old still reports it and starts a new one for the next.
        Assert.Equal(1, reading.Current());
        await reading.WhenCounted();
        // q3 was added meanwhile and q2 came due on the clock.
        Assert.Equal(3, reading.Current());
    }
}
