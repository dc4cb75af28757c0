using StudyBot.Core.Content;

namespace StudyBot.Content.Tests;

/// <summary>The raw study notes in shared/seeds load unchanged as topics (headings become topics).</summary>
public class SeedNotesTests
{
    private static readonly ContentPack Seeds = LoadSeeds();

    private static ContentPack LoadSeeds()
    {
        var folder = FindSeeds();
        var result = ContentLoader.Load(folder);
        Assert.Empty(result.Errors);
        return Assert.Single(result.Packs);
    }

    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "seeds");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("shared/seeds was not found above the test folder (the repository is expected beside ../shared).");
    }

    [Theory]
    [InlineData("EBS", "EBS")]
    [InlineData("보안 그룹", "보안 그룹")]
    [InlineData("SQS", "SQS")]
    [InlineData("placement groups", "placement groups")]
    public void Topic_lookup_finds_subjects_in_the_raw_notes(string query, string expectedInTitle)
    {
        var best = Seeds.TopicIndex.Search(query)[0];
        Assert.Contains(expectedInTitle, best.Topic.Title.En, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Numbered_headings_without_a_space_become_topics_with_their_line()
    {
        var securityGroup = Seeds.Topics.Single(t => t.Title.En == "보안 그룹");
        Assert.EndsWith("000_ca12750741a1a496.txt", securityGroup.Source.File, StringComparison.Ordinal);
        Assert.Equal(27, securityGroup.Source.Line);
        Assert.Contains("한 보안 그룹이 여러 개의 인스턴스에 부착 가능", securityGroup.Summary.En ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Every_note_file_contributes_topics_with_unique_ids()
    {
        Assert.Equal(5, Seeds.Topics.Select(t => Path.GetFileName(t.Source.File)).Distinct().Count());
        Assert.Equal(Seeds.Topics.Count, Seeds.Topics.Select(t => t.Id).Distinct().Count());
        Assert.True(Seeds.Topics.Count > 100, $"only {Seeds.Topics.Count} topics");
    }
}
