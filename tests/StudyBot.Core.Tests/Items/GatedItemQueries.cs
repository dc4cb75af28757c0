using StudyBot.Core.Storage;

namespace StudyBot.Core.Tests.Items;

/// <summary>Item analysis queries whose member read waits until the test releases it, with a version the test moves as a close would.</summary>
internal sealed class GatedItemQueries : IItemAnalysisQueries
{
    private readonly Queue<TaskCompletionSource<IReadOnlyList<MemberTally>>> _reads = new();
    private readonly Lock _gate = new();

    public long Version { get; set; }

    public IReadOnlyList<ChoiceTally> Tallies { get; set; } = [];

    public int MemberReads { get; private set; }

    public ValueTask<long?> AnswersVersionAsync(CancellationToken cancellationToken) => ValueTask.FromResult<long?>(Version);

    public Task<IReadOnlyList<MemberTally>> MemberTalliesAsync(string? packId, CancellationToken cancellationToken)
    {
        var read = new TaskCompletionSource<IReadOnlyList<MemberTally>>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            MemberReads++;
            _reads.Enqueue(read);
        }
        return read.Task;
    }

    public Task<IReadOnlyList<ChoiceTally>> ChoiceTalliesAsync(string? packId, IReadOnlyCollection<long> top, IReadOnlyCollection<long> bottom,
        CancellationToken cancellationToken) => Task.FromResult(Tallies);

    /// <summary>Lets the oldest waiting read finish, once it has started (reads start on the thread pool).</summary>
    public async Task ReleaseAsync(IReadOnlyList<MemberTally>? members = null)
    {
        while (true)
        {
            lock (_gate)
                if (_reads.TryDequeue(out var read))
                {
                    read.SetResult(members ?? []);
                    return;
                }
            await Task.Yield();
        }
    }
}
