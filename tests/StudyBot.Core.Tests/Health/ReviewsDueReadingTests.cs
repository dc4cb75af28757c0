using System.Reflection;
using StudyBot.Core.Health;
using StudyBot.Core.Storage;
using StudyBot.Testing;

namespace StudyBot.Core.Tests.Health;

/// <summary>A scrape reads the last due count and never waits for a new one, except the very first.</summary>
public sealed class ReviewsDueReadingTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task An_old_count_is_served_while_one_new_count_runs_in_the_background()
    {
        var store = GatedDueCount.Create(out var counts);
        var reading = new ReviewsDueReading(store, _clock);
        var first = Task.Run(reading.Current);
        (await counts.NextAsync()).SetResult(4);
        Assert.Equal(4, await first);

        _clock.Advance(ReviewsDueReading.MaxAge);
        Assert.Equal(4, reading.Current());
        Assert.Equal(4, reading.Current());
        var second = await counts.NextAsync();
        Assert.Equal(4, reading.Current());
        second.SetResult(9);
        await reading.WhenCounted();

        Assert.Equal(9, reading.Current());
        Assert.Equal(2, counts.Started);
    }

    [Fact]
    public async Task A_count_within_the_max_age_starts_no_query()
    {
        var store = GatedDueCount.Create(out var counts);
        var reading = new ReviewsDueReading(store, _clock);
        var first = Task.Run(reading.Current);
        (await counts.NextAsync()).SetResult(1);
        await first;

        _clock.Advance(ReviewsDueReading.MaxAge - TimeSpan.FromSeconds(1));
        Assert.Equal(1, reading.Current());
        await reading.WhenCounted();
        Assert.Equal(1, counts.Started);
    }

    [Fact]
    public async Task A_failed_count_keeps_the_last_one_and_the_next_scrape_tries_again()
    {
        var store = GatedDueCount.Create(out var counts);
        var reading = new ReviewsDueReading(store, _clock);
        var first = Task.Run(reading.Current);
        (await counts.NextAsync()).SetResult(5);
        await first;

        _clock.Advance(ReviewsDueReading.MaxAge);
        Assert.Equal(5, reading.Current());
        var failing = await counts.NextAsync();
        var counting = reading.WhenCounted();
        failing.SetException(new InvalidOperationException("database gone"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => counting);

        Assert.Equal(5, reading.Current());
        (await counts.NextAsync()).SetResult(6);
        await reading.WhenCounted();
        Assert.Equal(6, reading.Current());
    }

    /// <summary>An <see cref="IReviewStore"/> whose AllDueCountAsync waits for the test; nothing else of the store is used.</summary>
    public class GatedDueCount : DispatchProxy
    {
        private readonly Queue<TaskCompletionSource<int>> _waiting = new();
        private readonly Lock _gate = new();

        public int Started { get; private set; }

        public static IReviewStore Create(out GatedDueCount counts)
        {
            var store = Create<IReviewStore, GatedDueCount>();
            counts = (GatedDueCount)(object)store;
            return store;
        }

        public async Task<TaskCompletionSource<int>> NextAsync()
        {
            while (true)
            {
                lock (_gate)
                    if (_waiting.TryDequeue(out var count)) return count;
                await Task.Yield();
            }
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name != nameof(IReviewStore.AllDueCountAsync)) throw new NotSupportedException(targetMethod?.Name);
            var count = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                Started++;
                _waiting.Enqueue(count);
            }
            return count.Task;
        }
    }
}
