using Microsoft.Extensions.Logging.Abstractions;
using StudyBot.Core.Content;
using StudyBot.Core.Items;
using StudyBot.Core.Storage;
using StudyBot.Testing;

namespace StudyBot.Core.Tests.Items;

public sealed class KeptItemAnalysisTests
{
    private static readonly ContentCatalog Catalog = new([Packs.Small(perTopic: 2, id: "alpha")]);
    private readonly GatedItemQueries _queries = new();
    private readonly ManualClock _clock = new();
    private readonly KeptItemAnalysis _kept;

    public KeptItemAnalysisTests() =>
        _kept = new KeptItemAnalysis(new ItemAnalyzer(_queries, Catalog), _queries, _clock, NullLogger<KeptItemAnalysis>.Instance);

    [Fact]
    public async Task The_first_request_waits_for_the_analysis_and_later_ones_reuse_it_for_every_topic()
    {
        _queries.Tallies = [new("alpha", "s3-1", "0", ItemGroup.Middle, 3)];
        var first = _kept.GetAsync(new ItemFilter("alpha"), default);
        Assert.False(first.IsCompleted);
        await _queries.ReleaseAsync();
        var report = await first;

        var topic = await _kept.GetAsync(new ItemFilter("ALPHA", "s3"), default);

        Assert.Equal(1, _queries.MemberReads);
        Assert.Equal(6, report.Report.Questions.Count);
        Assert.Equal(["s3-1", "s3-2"], topic.Report.Questions.Select(q => q.Question.Id));
        Assert.Equal(3, topic.Report.Answers);
        Assert.Equal(_clock.GetUtcNow(), topic.AsOf);
        Assert.False(topic.Refreshing);
    }

    [Fact]
    public async Task After_a_close_the_old_analysis_is_served_while_one_refresh_runs()
    {
        _queries.Tallies = [new("alpha", "s3-1", "0", ItemGroup.Middle, 3)];
        var first = _kept.GetAsync(new ItemFilter("alpha"), default);
        await _queries.ReleaseAsync();
        var before = (await first).AsOf;

        _clock.Advance(TimeSpan.FromMinutes(5));
        _queries.Version++;
        _queries.Tallies = [new("alpha", "s3-1", "0", ItemGroup.Middle, 7)];
        var during = await _kept.GetAsync(new ItemFilter("alpha"), default);
        var again = await _kept.GetAsync(new ItemFilter("alpha", "s3"), default);

        // Both requests answered from the old analysis, and only one refresh was started for them.
        Assert.Equal((3, 3), (during.Report.Answers, again.Report.Answers));
        Assert.True(during.Refreshing && again.Refreshing);
        Assert.Equal(before, during.AsOf);

        // Released reads are counted once they start: the refresh runs on the thread pool.
        await _queries.ReleaseAsync();
        await _kept.WhenRefreshed("alpha");
        var after = await _kept.GetAsync(new ItemFilter("alpha"), default);
        Assert.Equal(7, after.Report.Answers);
        Assert.Equal(before + TimeSpan.FromMinutes(5), after.AsOf);
        Assert.False(after.Refreshing);
        Assert.Equal(2, _queries.MemberReads);
    }

    [Fact]
    public async Task A_close_during_the_refresh_leaves_the_result_stale_so_the_next_request_refreshes_again()
    {
        var first = _kept.GetAsync(new ItemFilter("alpha"), default);
        await _queries.ReleaseAsync();
        await first;

        _queries.Version = 1;
        await _kept.GetAsync(new ItemFilter("alpha"), default);
        _queries.Version = 2;
        await _queries.ReleaseAsync();
        await _kept.WhenRefreshed("alpha");

        var next = await _kept.GetAsync(new ItemFilter("alpha"), default);
        Assert.True(next.Refreshing);
        await _queries.ReleaseAsync();
        await _kept.WhenRefreshed("alpha");
        Assert.Equal(3, _queries.MemberReads);
        Assert.False((await _kept.GetAsync(new ItemFilter("alpha"), default)).Refreshing);
    }

    [Fact]
    public async Task A_store_that_cannot_tell_a_version_is_analysed_on_every_request()
    {
        var unversioned = new UnversionedQueries();
        var kept = new KeptItemAnalysis(new ItemAnalyzer(unversioned, Catalog), unversioned, _clock, NullLogger<KeptItemAnalysis>.Instance);

        await kept.GetAsync(new ItemFilter("alpha"), default);
        await kept.GetAsync(new ItemFilter("alpha"), default);

        Assert.Equal(2, unversioned.Reads);
    }

    [Fact]
    public async Task An_unknown_pack_is_an_argument_error()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _kept.GetAsync(new ItemFilter("gamma"), default));
    }

    private sealed class UnversionedQueries : IItemAnalysisQueries
    {
        public int Reads { get; private set; }

        public Task<IReadOnlyList<MemberTally>> MemberTalliesAsync(string? packId, CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult<IReadOnlyList<MemberTally>>([]);
        }

        public Task<IReadOnlyList<ChoiceTally>> ChoiceTalliesAsync(string? packId, IReadOnlyCollection<long> top, IReadOnlyCollection<long> bottom,
            CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ChoiceTally>>([]);
    }
}
