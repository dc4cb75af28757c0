using StudyBot.Core.Content;
using StudyBot.Testing;

namespace StudyBot.Core.Tests;

public class TopicIndexTests
{
    private readonly TopicIndex _index = Packs.Small().TopicIndex;

    [Theory]
    [InlineData("EBS")]
    [InlineData("ebs")]
    [InlineData("  E B S ")]
    [InlineData("ＥＢＳ")] // full-width letters fold under NFKC
    [InlineData("elastic block store")]
    [InlineData("ElasticBlockStore")]
    [InlineData("EBS 볼륨")]
    [InlineData("ebs볼륨")]
    public void Finds_a_topic_by_title_or_alias_ignoring_case_spacing_and_width(string query) =>
        Assert.Equal("ebs", _index.Search(query)[0].Topic.Id);

    [Fact]
    public void Korean_written_in_decomposed_jamo_matches_the_composed_title()
    {
        var decomposed = "SQS 대기열".Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual("SQS 대기열", decomposed);
        Assert.Equal("sqs", _index.Search(decomposed)[0].Topic.Id);
    }

    [Fact]
    public void Exact_matches_rank_before_partial_ones()
    {
        var index = new TopicIndex([Packs.Topic("s3-classes", "S3 storage classes", "S3 스토리지 클래스"), Packs.Topic("s3", "S3", "S3")]);
        var hits = index.Search("s3");
        Assert.Equal(["s3", "s3-classes"], hits.Select(h => h.Topic.Id));
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public void Each_topic_appears_once_even_when_several_names_match()
    {
        var hits = _index.Search("s");
        Assert.Equal(hits.Select(h => h.Topic.Id).Distinct().Count(), hits.Count);
    }

    [Fact]
    public void A_typo_still_finds_the_topic()
    {
        Assert.Equal("sqs", _index.Search("Amazn SQS")[0].Topic.Id);
    }

    [Fact]
    public void Nothing_matches_gibberish_but_suggestions_are_offered()
    {
        Assert.Empty(_index.Search("kubernetes"));
        Assert.NotEmpty(_index.Suggest("kubernetes"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!!")]
    [InlineData("🙂🙂")]
    public void Empty_or_symbol_only_queries_find_nothing_and_do_not_throw(string query) =>
        Assert.Empty(_index.Search(query));

    [Fact]
    public void A_ten_kilobyte_query_is_handled_quickly_without_error()
    {
        var huge = string.Concat(Enumerable.Repeat("EBS 볼륨 🙂 ", 1000));
        Assert.True(huge.Length >= 10_000);
        var started = System.Diagnostics.Stopwatch.StartNew();
        _index.Search(huge);
        _index.Suggest(huge);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"took {started.Elapsed}");
    }
}
