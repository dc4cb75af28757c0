using Microsoft.Extensions.Logging.Abstractions;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Tests.Storage;

public interface IGuardedSample
{
    Task WriteAsync(Exception? error);

    Task<int> ReadAsync(Exception? error);

    ValueTask<long?> VersionAsync(Exception? error);
}

/// <summary>The guard on a store of each return shape; "outage" stands for what a provider's classifier recognises.</summary>
public sealed class StorageGuardTests
{
    private sealed class OutageError() : Exception("connection refused");

    private sealed class Sample : IGuardedSample
    {
        public async Task WriteAsync(Exception? error)
        {
            await Task.Yield();
            if (error is not null) throw error;
        }

        public async Task<int> ReadAsync(Exception? error)
        {
            await Task.Yield();
            return error is null ? 42 : throw error;
        }

        // Throws before any await: a failure a caller gets without awaiting.
        public ValueTask<long?> VersionAsync(Exception? error) => error is null ? ValueTask.FromResult<long?>(7) : throw error;
    }

    private readonly StorageOutage _outage = new(NullLogger<StorageOutage>.Instance);
    private readonly IGuardedSample _store;

    public StorageGuardTests() => _store = StorageGuard.Wrap<IGuardedSample>(new Sample(), e => e is OutageError, _outage);

    [Fact]
    public async Task An_outage_error_becomes_storage_unavailable_and_the_next_success_ends_the_outage()
    {
        var cause = new OutageError();

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => _store.ReadAsync(cause));
        Assert.Same(cause, error.InnerException);
        Assert.True(_outage.IsDown);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => _store.WriteAsync(new OutageError()));
        await Assert.ThrowsAsync<StorageUnavailableException>(async () => await _store.VersionAsync(new OutageError()));

        Assert.Equal(42, await _store.ReadAsync(null));
        Assert.False(_outage.IsDown);
        Assert.Equal(7, await _store.VersionAsync(null));
    }

    [Fact]
    public async Task Any_other_error_passes_through_as_it_was_and_is_no_outage()
    {
        var bug = new InvalidOperationException("a query bug");

        Assert.Same(bug, await Assert.ThrowsAsync<InvalidOperationException>(() => _store.WriteAsync(bug)));
        Assert.Same(bug, await Assert.ThrowsAsync<InvalidOperationException>(async () => await _store.VersionAsync(bug)));
        Assert.False(_outage.IsDown);
    }
}
