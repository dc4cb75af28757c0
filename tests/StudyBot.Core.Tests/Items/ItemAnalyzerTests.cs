using StudyBot.Core.Content;
using StudyBot.Core.Items;
using StudyBot.Core.Storage;
using StudyBot.Testing;

namespace StudyBot.Core.Tests.Items;

public class ItemAnalyzerTests
{
    private static readonly ContentCatalog Catalog = new([Packs.Small(perTopic: 2, id: "alpha"), Packs.Small(perTopic: 1, id: "beta")]);

    [Fact]
    public async Task A_pack_filter_ranks_and_analyses_only_that_packs_answers()
    {
        var queries = new InMemoryQueries();

        var report = await new ItemAnalyzer(queries, Catalog).AnalyzeAsync(new ItemFilter("ALPHA"), default);

        Assert.Equal(["alpha"], queries.PacksAsked.Distinct());
        Assert.Equal(["ebs-1", "ebs-2", "s3-1", "s3-2", "sqs-1", "sqs-2"], report.Questions.Select(q => q.Question.Id));
        Assert.All(report.Questions, q => Assert.Equal("alpha", q.PackId));
    }

    [Fact]
    public async Task A_topic_filter_narrows_the_questions_but_not_the_ranking()
    {
        var queries = new InMemoryQueries
        {
            Members = [new(1, 10, 9), new(2, 10, 1)],
            Tallies = [new("alpha", "s3-1", "0", ItemGroup.Top, 1), new("alpha", "ebs-1", "0", ItemGroup.Top, 4)],
        };

        var report = await new ItemAnalyzer(queries, Catalog).AnalyzeAsync(new ItemFilter("alpha", "S3"), default);

        Assert.Equal(["s3-1", "s3-2"], report.Questions.Select(q => q.Question.Id));
        Assert.Equal([1L], queries.TopAsked);
        Assert.Equal([2L], queries.BottomAsked);
        Assert.Equal((2, 2), (report.Members, report.RankedMembers));
        Assert.Equal(1, report.Answers);
    }

    [Fact]
    public async Task Without_a_pack_every_pack_is_analysed_and_answers_to_removed_questions_are_counted_apart()
    {
        var queries = new InMemoryQueries { Tallies = [new("beta", "sqs-1", "0", ItemGroup.Middle, 2), new("beta", "gone", "1", ItemGroup.Middle, 3)] };

        var report = await new ItemAnalyzer(queries, Catalog).AnalyzeAsync(new ItemFilter(), default);

        Assert.Equal([null], queries.PacksAsked.Distinct());
        Assert.Equal(9, report.Questions.Count);
        Assert.Equal(2, report.Questions.Single(q => q is { PackId: "beta", Question.Id: "sqs-1" }).Answered);
        Assert.Equal(3, report.UnknownAnswers);
        Assert.False(report.Groups.Exist);
    }

    [Fact]
    public async Task An_unknown_pack_is_refused_by_name()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => new ItemAnalyzer(new InMemoryQueries(), Catalog).AnalyzeAsync(new ItemFilter("gamma"), default));

        Assert.Contains("'gamma'", error.Message, StringComparison.Ordinal);
    }

    private sealed class InMemoryQueries : IItemAnalysisQueries
    {
        public IReadOnlyList<MemberTally> Members { get; init; } = [];
        public IReadOnlyList<ChoiceTally> Tallies { get; init; } = [];
        public List<string?> PacksAsked { get; } = [];
        public IReadOnlyCollection<long> TopAsked { get; private set; } = [];
        public IReadOnlyCollection<long> BottomAsked { get; private set; } = [];

        public Task<IReadOnlyList<MemberTally>> MemberTalliesAsync(string? packId, CancellationToken cancellationToken)
        {
            PacksAsked.Add(packId);
            return Task.FromResult(Members);
        }

        public Task<IReadOnlyList<ChoiceTally>> ChoiceTalliesAsync(string? packId, IReadOnlyCollection<long> top, IReadOnlyCollection<long> bottom,
            CancellationToken cancellationToken)
        {
            PacksAsked.Add(packId);
            (TopAsked, BottomAsked) = (top, bottom);
            return Task.FromResult(Tallies);
        }
    }
}
