using System.Collections;

namespace StudyBot.Testing;

/// <summary>A thread-safe list that tests can wait on: "the next item matching this, within a timeout".</summary>
public sealed class Recorded<T> : IEnumerable<T>
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<T> _items = [];
    private readonly List<(Func<T, bool> Match, TaskCompletionSource<T> Done)> _waiters = [];

    /// <summary>Raised after every <see cref="Add"/>, on the adding thread (benchmarks pace on it).</summary>
    public event Action<T>? Added;

    public void Add(T item)
    {
        List<TaskCompletionSource<T>> matched = [];
        lock (_gate)
        {
            _items.Add(item);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (!_waiters[i].Match(item)) continue;
                matched.Add(_waiters[i].Done);
                _waiters.RemoveAt(i);
            }
        }
        foreach (var done in matched) done.TrySetResult(item);
        Added?.Invoke(item);
    }

    public IReadOnlyList<T> All
    {
        get
        {
            lock (_gate) return [.. _items];
        }
    }

    public int Count(Func<T, bool> match)
    {
        lock (_gate) return _items.Count(match);
    }

    /// <summary>The first item (already recorded or still to come) that matches.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> match, TimeSpan? timeout = null, string? what = null)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var item in _items)
                if (match(item)) return item;
            _waiters.Add((match, done));
        }
        try
        {
            return await done.Task.WaitAsync(timeout ?? DefaultTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out waiting for {what ?? typeof(T).Name}. Recorded: {string.Join(" | ", All)}");
        }
    }

    /// <summary>Waits until <paramref name="count"/> items match.</summary>
    public async Task WaitForCountAsync(Func<T, bool> match, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (Count(match) < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Expected {count} matching items, saw {Count(match)}. Recorded: {string.Join(" | ", All)}");
            await Task.Delay(10);
        }
    }

    /// <summary>A snapshot of what has been recorded so far.</summary>
    public IEnumerator<T> GetEnumerator() => All.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
