using System.Text.RegularExpressions;
using StudyBot.Core.Content;
using StudyBot.Core.Study;

namespace StudyBot.Content.Tests;

/// <summary>The AWS Solutions Architect pack shipped in content/aws-saa: counts, languages, keys, limits, lookups.</summary>
public partial class AwsPackTests
{
    private static readonly string PackFolder = Path.Combine(RepositoryRoot(), "content", "aws-saa");
    private static readonly ContentLoadResult Loaded = ContentLoader.Load(PackFolder);
    private static ContentPack Pack => Assert.Single(Loaded.Packs);

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StudyBot.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("StudyBot.sln not found above the test folder.");
    }

    [GeneratedRegex(@"\b(company|needs|requires|wants)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScenarioWords();

    [Fact]
    public void The_pack_loads_without_a_single_error() => Assert.Empty(Loaded.Errors);

    [Fact]
    public void It_has_at_least_300_questions_and_every_topic_has_at_least_two()
    {
        Assert.True(Pack.Questions.Count >= 300, $"{Pack.Questions.Count} questions");
        var perTopic = Pack.Questions.GroupBy(q => q.TopicId).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(Pack.Topics, t => Assert.True(perTopic.GetValueOrDefault(t.Id) >= 2, $"{t.Id} has {perTopic.GetValueOrDefault(t.Id)} questions"));
    }

    [Fact]
    public void Every_question_is_in_english_and_korean()
    {
        Assert.All(Pack.Questions, q =>
        {
            Assert.True(q.Prompt.Has(Language.En) && q.Prompt.Has(Language.Ko), $"{q.Id} prompt");
            Assert.True(q.Explanation.Has(Language.En) && q.Explanation.Has(Language.Ko), $"{q.Id} explanation");
            Assert.All(q.Choices, c => Assert.True(c.Has(Language.En) && c.Has(Language.Ko), $"{q.Id} choice"));
        });
    }

    [Fact]
    public void Every_topic_has_titles_summaries_and_facts_in_both_languages()
    {
        Assert.All(Pack.Topics, t =>
        {
            Assert.True(t.Title.Has(Language.En) && t.Title.Has(Language.Ko), t.Id);
            Assert.True(t.Summary.Has(Language.En) && t.Summary.Has(Language.Ko), t.Id);
            Assert.NotEmpty(t.KeyFactsEn);
            Assert.NotEmpty(t.KeyFactsKo);
        });
    }

    [Fact]
    public void Answer_keys_are_in_range_and_sized_for_the_kind()
    {
        Assert.All(Pack.Questions, q =>
        {
            var choiceCount = StudyCards.ChoiceTexts(q, Language.En).Count;
            Assert.All(q.CorrectChoices, c => Assert.InRange(c, 0, choiceCount - 1));
            Assert.Equal(q.ChoicesToPick, q.CorrectChoices.Count);
        });
    }

    [Fact]
    public void Ids_and_prompts_are_unique()
    {
        Assert.Equal(Pack.Questions.Count, Pack.Questions.Select(q => q.Id).Distinct().Count());
        Assert.Equal(Pack.Questions.Count, Pack.Questions.Select(q => TopicIndex.Normalize(q.Prompt.En!)).Distinct().Count());
        Assert.Equal(Pack.Questions.Count, Pack.Questions.Select(q => TopicIndex.Normalize(q.Prompt.Ko!)).Distinct().Count());
    }

    [Fact]
    public void Every_button_label_fits_discord_and_slack()
    {
        Assert.All(Pack.Questions, q =>
        {
            foreach (var language in new[] { Language.En, Language.Ko })
            {
                var texts = StudyCards.ChoiceTexts(q, language);
                for (var i = 0; i < texts.Count; i++)
                {
                    var label = $"{Question.Letter(i)}. {texts[i]}";
                    Assert.True(label.Length <= 75, $"{q.Id} {language} {label.Length}: {label}");
                }
            }
        });
    }

    [Fact]
    public void Kinds_domains_and_difficulty_are_mixed_and_a_third_are_scenarios()
    {
        var kinds = Pack.Questions.GroupBy(q => q.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, kinds.Count);
        Assert.All(kinds.Values, count => Assert.True(count >= Pack.Questions.Count / 10));
        Assert.Equal(["cost", "performance", "resilient", "secure"], Pack.Questions.Select(q => q.Domain!).Distinct().Order());
        Assert.All(Pack.Questions, q => Assert.Contains(q.Difficulty, new[] { "easy", "medium", "hard" }));
        var scenarios = Pack.Questions.Count(q => ScenarioWords().IsMatch(q.Prompt.En!));
        Assert.True(scenarios * 3 >= Pack.Questions.Count, $"{scenarios} scenarios of {Pack.Questions.Count}");
    }

    [Fact]
    public void No_name_points_at_two_topics()
    {
        var clashes = Pack.Topics
            .SelectMany(t => t.Names().Select(n => (Key: TopicIndex.Normalize(n), t.Id)))
            .GroupBy(x => x.Key)
            .Where(g => g.Select(x => x.Id).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Id).Distinct())}")
            .ToList();
        Assert.Empty(clashes);
    }

    [Fact]
    public void Every_topic_is_found_first_by_its_english_title_korean_title_and_each_alias()
    {
        var misses = Pack.Topics
            .SelectMany(t => t.Names().Select(name => (t.Id, Name: name)))
            .Where(x => Pack.TopicIndex.Search(x.Name, 1) is not [{ } best] || best.Topic.Id != x.Id)
            .Select(x => $"'{x.Name}' → {(Pack.TopicIndex.Search(x.Name, 1) is [{ } hit] ? hit.Topic.Id : "nothing")} (want {x.Id})")
            .ToList();
        Assert.Empty(misses);
    }

    [Theory]
    [InlineData("EBS", "ebs")]
    [InlineData("Elastic Block Store", "ebs")]
    [InlineData("EBS 볼륨", "ebs")]
    [InlineData("보안 그룹", "security-groups")]
    [InlineData("SQS", "sqs")]
    [InlineData("DAX", "dynamodb")]
    [InlineData("스노우볼", "snow-family")]
    [InlineData("Global Accelerator", "global-accelerator")]
    [InlineData("람다", "lambda")]
    [InlineData("Route 53", "route-53")]
    public void Common_names_find_their_topic(string query, string topic) =>
        Assert.Equal(topic, Pack.TopicIndex.Search(query)[0].Topic.Id);

    [Fact]
    public void A_month_of_daily_questions_never_repeats_and_covers_many_topics()
    {
        var history = new List<string>();
        for (var day = 0; day < 31; day++)
            history.Add(DailyQuestionPicker.Pick(Pack, history, new Random(day))!.Id);

        Assert.Equal(31, history.Distinct().Count());
        Assert.True(history.Select(id => Pack.FindQuestion(id)!.TopicId).Distinct().Count() >= 30);
    }

    [Fact]
    public void The_corrections_list_names_note_files()
    {
        var corrections = File.ReadAllText(Path.Combine(PackFolder, "CORRECTIONS.md"));
        foreach (var note in new[] { "000_ca12750741a1a496.txt", "001_763f7653d561d2a5.txt", "002_841578a189d4a1d0.txt", "003_0484d627efc004b0.txt", "004_d89861acd29fbb85.txt" })
            Assert.Contains(note, corrections, StringComparison.Ordinal);
    }
}
