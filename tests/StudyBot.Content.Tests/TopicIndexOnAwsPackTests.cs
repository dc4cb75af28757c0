using StudyBot.Core.Content;

namespace StudyBot.Content.Tests;

/// <summary>The optimised topic index answers exactly as the straightforward one did, on the real pack.</summary>
public class TopicIndexOnAwsPackTests
{
    private static readonly ContentPack Pack = ContentLoader.Load(Path.Combine(AwsPackTests.RepositoryRoot(), "content", "aws-saa")).Packs.Single();

    public static TheoryData<string> Queries()
    {
        var names = Pack.Topics.SelectMany(t => t.Names()).Distinct().ToList();
        var random = new Random(7);
        // A set, because xunit skips repeated theory rows and says so on every run.
        var queries = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in names.Take(60))
        {
            queries.Add(name);
            if (name.Length > 3) queries.Add(name[..3]);
            if (name.Length > 5) queries.Add(name[..^2] + name[^1] + name[^2]);
        }
        foreach (var extra in new[] { "kubernetes", "블록체인", "s3 glacier deep", "ＥＢＳ", "amazn sqs", "보안 그룹 규칙", "a", "zz" }) queries.Add(extra);
        const string alphabet = "abcdefs3 볼륨규칙";
        for (var i = 0; i < 20; i++) queries.Add(new string(Enumerable.Range(0, random.Next(1, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));
        return new TheoryData<string>(queries);
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Search_and_suggest_match_the_reference_implementation(string query)
    {
        var reference = new ReferenceTopicIndex(Pack.Topics);

        Assert.Equal(Describe(reference.Search(query, 25)), Describe(Pack.TopicIndex.Search(query, 25)));
        Assert.Equal(Describe(reference.Suggest(query, 5)), Describe(Pack.TopicIndex.Suggest(query, 5)));
    }

    private static List<string> Describe(IEnumerable<TopicMatch> matches) =>
        matches.Select(m => $"{m.Topic.Id}|{m.MatchedName}|{m.Score}").ToList();
}
