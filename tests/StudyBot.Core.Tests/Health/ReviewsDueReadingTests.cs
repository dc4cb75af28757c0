using System.Reflection;
using StudyBot.Core.Health;
using StudyBot.Core.Storage;
using StudyBot.Testing;

namespace StudyBot.Core.Tests.Health;

/// <summary>Every scrape counts at the scrape's clock; a failed count reports the last one.</summary>
public sealed class ReviewsDueReadingTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void Each_scrape_counts_the_cards_due_at_its_own_time()
    {
        var store = ScriptedDueCount.Create(out var counts);
        var reading = new ReviewsDueReading(store, _clock);
        var first = _clock.GetUtcNow();

        counts.Next(() => 4);
        Assert.Equal(4, reading.Current());
        _clock.Advance(TimeSpan.FromSeconds(1));
        counts.Next(() => 9);
        Assert.Equal(9, reading.Current());

        Assert.Equal([first, first.AddSeconds(1)], counts.AskedAt);
    }

    [Fact]
    public void A_failed_count_reports_the_last_one_and_the_next_scrape_counts_again()
    {
        var store = ScriptedDueCount.Create(out var counts);
        var reading = new ReviewsDueReading(store, _clock);
        counts.Next(() => 5);
        Assert.Equal(5, reading.Current());

        counts.Next(() => throw new InvalidOperationException("database gone"));
        Assert.Equal(5, reading.Current());
        counts.Next(() => 6);
        Assert.Equal(6, reading.Current());
        Assert.Equal(3, counts.AskedAt.Count);
    }

    [Fact]
    public void A_failed_first_count_is_an_error_not_a_zero()
    {
        var store = ScriptedDueCount.Create(out var counts);
        var reading = new ReviewsDueReading(store, _clock);
        counts.Next(() => throw new InvalidOperationException("database gone"));

        var error = Assert.Throws<InvalidOperationException>(() => reading.Current());
        Assert.Equal("database gone", error.InnerException?.Message);
    }

    /// <summary>An <see cref="IReviewStore"/> whose AllDueCountAsync answers what the test scripted; nothing else of the store is used.</summary>
    public class ScriptedDueCount : DispatchProxy
    {
        private readonly Queue<Func<int>> _answers = new();

        public List<DateTimeOffset> AskedAt { get; } = [];

        public static IReviewStore Create(out ScriptedDueCount counts)
        {
            var store = Create<IReviewStore, ScriptedDueCount>();
            counts = (ScriptedDueCount)(object)store;
            return store;
        }

        public void Next(Func<int> answer) => _answers.Enqueue(answer);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name != nameof(IReviewStore.AllDueCountAsync)) throw new NotSupportedException(targetMethod?.Name);
            AskedAt.Add((DateTimeOffset)args![0]!);
            var answer = _answers.Dequeue();
            try
            {
                return Task.FromResult(answer());
            }
            catch (Exception error)
            {
                return Task.FromException<int>(error);
            }
        }
    }
}
