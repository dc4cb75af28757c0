using StudyBot.Core.Content;
using StudyBot.Testing;

namespace StudyBot.Content.Tests;

public class ContentLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string Manifest = "id: demo\ntitle:\n  en: Demo\n  ko: 데모\nlanguage: ko\ndomains: [secure, resilient, performance, cost]\n";

    private const string EbsTopic = """
        ---
        id: ebs
        title:
          en: Amazon EBS
          ko: Amazon EBS (블록 스토리지)
        aliases: [EBS, Elastic Block Store, EBS 볼륨]
        ---

        ## Summary
        Block storage for EC2.

        ## 요약
        EC2용 블록 스토리지.

        ## Key facts
        - Bound to one AZ.
        - Snapshots go to S3.

        ## 핵심 정리
        - 하나의 AZ에 속합니다.
        """;

    private static string Question(string id = "ebs-1", string topic = "ebs", string answer = "B") => $"""
          - id: {id}
            topic: {topic}
            kind: single
            domain: resilient
            difficulty: easy
            prompt:
              en: Where does an EBS volume live?
              ko: EBS 볼륨은 어디에 있나요?
            choices:
              - en: In a Region
                ko: 리전
              - en: In one AZ
                ko: 하나의 AZ
            answer: {answer}
            explanation:
              en: It is bound to one AZ.
              ko: 하나의 AZ에 묶여 있습니다.

        """;

    private string WritePack(string questions, string topic = EbsTopic)
    {
        _dir.Write("demo/pack.yaml", Manifest);
        _dir.Write("demo/topics/ebs.md", topic);
        return _dir.Write("demo/questions/ebs.yaml", "questions:\n" + questions);
    }

    [Fact]
    public void A_valid_pack_loads_topics_and_questions()
    {
        WritePack(Question());
        var result = ContentLoader.Load(_dir.Path);

        Assert.Empty(result.Errors);
        var pack = Assert.Single(result.Packs);
        Assert.Equal(("demo", Language.Ko), (pack.Id, pack.Language));
        var topic = Assert.Single(pack.Topics);
        Assert.Equal("Amazon EBS (블록 스토리지)", topic.Title.Ko);
        Assert.Equal(["EBS", "Elastic Block Store", "EBS 볼륨"], topic.Aliases);
        Assert.Equal("Block storage for EC2.", topic.Summary.En);
        Assert.Equal(["Bound to one AZ.", "Snapshots go to S3."], topic.KeyFactsEn);
        Assert.Equal(["하나의 AZ에 속합니다."], topic.KeyFactsKo);
        var question = Assert.Single(pack.Questions);
        Assert.Equal([1], question.CorrectChoices);
        Assert.Equal("In one AZ", question.Choices[1].En);
        Assert.Equal("resilient", question.Domain);
    }

    [Fact]
    public void A_pack_brings_its_own_domains_and_a_question_outside_them_names_its_line()
    {
        _dir.Write("other/pack.yaml", "id: other\nlanguage: en\ndomains: [networking, storage]\n");
        _dir.Write("other/topics/ebs.md", EbsTopic);
        _dir.Write("other/questions/ok.yaml", "questions:\n" + Question().Replace("domain: resilient", "domain: storage", StringComparison.Ordinal));
        var bad = _dir.Write("other/questions/bad.yaml", "questions:\n" + Question(id: "ebs-2"));

        var result = ContentLoader.Load(_dir.Path);

        Assert.Equal("storage", Assert.Single(Assert.Single(result.Packs).Questions).Domain);
        var error = Assert.Single(result.Errors);
        Assert.Equal((bad, 5), (error.File, error.Line)); // the domain line
        Assert.Contains("domain 'resilient' must be one of: networking, storage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_domain_in_a_pack_without_domains_says_to_list_them_in_pack_yaml()
    {
        _dir.Write("plain/pack.yaml", "id: plain\nlanguage: en\n");
        _dir.Write("plain/topics/ebs.md", EbsTopic);
        _dir.Write("plain/questions/ebs.yaml", "questions:\n" + Question());

        var error = Assert.Single(ContentLoader.Load(_dir.Path).Errors);

        Assert.Contains("pack 'plain' lists no domains", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_two_and_true_false_questions_load()
    {
        WritePack("""
              - id: two
                topic: ebs
                kind: choose-two
                prompt: Pick two
                choices: [a, b, c]
                answer: [A, C]
                explanation: Because.
              - id: tf
                topic: ebs
                kind: true-false
                prompt: EBS is block storage.
                answer: true
                explanation: It is.
            """);
        var pack = Assert.Single(ContentLoader.Load(_dir.Path).Packs);
        Assert.Equal([0, 2], pack.FindQuestion("two")!.CorrectChoices.Order());
        Assert.Equal([0], pack.FindQuestion("tf")!.CorrectChoices);
        Assert.Equal("Pick two", pack.FindQuestion("two")!.Prompt.Ko); // plain text is in the pack's language
    }

    [Theory]
    [InlineData("answer: E", "answer 'E' is out of range: the question has 2 choices (A-B)", 15)]
    [InlineData("answer: F", "answer 'F' must be a choice letter A-E", 15)]
    [InlineData("answer: C", "answer 'C' is out of range", 15)]
    [InlineData("answer: A, B", "needs exactly 1 answer letter", 15)]
    public void An_answer_key_out_of_range_names_file_and_line(string answerLine, string message, int line)
    {
        var file = WritePack(Question(answer: answerLine["answer: ".Length..]));
        var error = Assert.Single(ContentLoader.Load(_dir.Path).Errors);
        Assert.Equal(file, error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{file}:{line}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_id_names_the_second_place_and_the_first()
    {
        var file = WritePack(Question("dup") + Question("dup"));
        var error = Assert.Single(ContentLoader.Load(_dir.Path).Errors);
        Assert.Equal((file, 19), (error.File, error.Line));
        Assert.Contains("duplicate question id 'dup' (first at", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_topic_names_the_topic_line()
    {
        var file = WritePack(Question(topic: "ebz"));
        var error = Assert.Single(ContentLoader.Load(_dir.Path).Errors);
        Assert.Equal((file, 3), (error.File, error.Line));
        Assert.Contains("unknown topic 'ebz'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_choice_too_long_for_a_button_names_its_line()
    {
        var longChoice = new string('x', 73);
        var file = WritePack(Question().Replace("- en: In a Region", $"- en: {longChoice}", StringComparison.Ordinal));
        var error = Assert.Single(ContentLoader.Load(_dir.Path).Errors);
        Assert.Equal((file, 11), (error.File, error.Line));
        Assert.Contains("choice A is 73 characters; at most 72", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_yaml_names_the_line()
    {
        var file = WritePack(Question() + "  - id: [unclosed\n");
        var error = Assert.Single(ContentLoader.Load(_dir.Path).Errors);
        Assert.Equal(file, error.File);
        Assert.InRange(error.Line, 19, 21);
        Assert.StartsWith("bad YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelled_key_is_an_error_not_silently_dropped()
    {
        var file = WritePack(Question().Replace("explanation:", "explaination:", StringComparison.Ordinal));
        var errors = ContentLoader.Load(_dir.Path).Errors;
        Assert.Contains(errors, e => e.File == file && e.Line == 16 && e.Message.Contains("unknown key 'explaination'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_file_is_skipped_and_named_while_good_files_still_load()
    {
        var bad = WritePack(Question(answer: "Z"));
        _dir.Write("demo/questions/good.yaml", "questions:\n" + Question("good-1"));
        var result = ContentLoader.Load(_dir.Path);

        Assert.Equal([bad], result.SkippedFiles);
        var pack = Assert.Single(result.Packs);
        Assert.Equal(["good-1"], pack.Questions.Select(q => q.Id));
    }

    [Fact]
    public void An_unknown_topic_section_names_the_heading_line()
    {
        var file = _dir.Write("demo/topics/ebs.md", EbsTopic.Replace("## Key facts", "## Keyfacts", StringComparison.Ordinal));
        _dir.Write("demo/pack.yaml", Manifest);
        var error = Assert.Single(ContentLoader.Load(_dir.Path).Errors);
        Assert.Equal((file, 15), (error.File, error.Line));
        Assert.Contains("unknown section '## Keyfacts'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_front_matter_key_names_its_line_in_the_markdown_file()
    {
        var file = _dir.Write("demo/topics/ebs.md", EbsTopic.Replace("aliases:", "alias:", StringComparison.Ordinal));
        _dir.Write("demo/pack.yaml", Manifest);
        var error = Assert.Single(ContentLoader.Load(_dir.Path).Errors);
        Assert.Equal((file, 6), (error.File, error.Line));
    }

    [Fact]
    public void A_bad_manifest_skips_the_pack_and_names_the_line()
    {
        var file = _dir.Write("demo/pack.yaml", "id: Demo Pack!\n");
        var result = ContentLoader.Load(_dir.Path);
        Assert.Empty(result.Packs);
        var error = Assert.Single(result.Errors);
        Assert.Equal((file, 1), (error.File, error.Line));
    }

    [Fact]
    public void Odd_text_loads_unchanged_emoji_hangul_long_lines_and_blank_lines()
    {
        var longLine = string.Concat(Enumerable.Repeat("긴 줄 🙂 ", 1500));
        _dir.Write("notes/odd.md", $"\n\n# 이모지 🙂 토픽\n\n{longLine}\n\n\n- 사실 하나 🚀\n");
        var pack = Assert.Single(ContentLoader.Load(_dir.Path).Packs);
        var topic = Assert.Single(pack.Topics);
        Assert.Equal("이모지 🙂 토픽", topic.Title.En);
        Assert.Equal(longLine.Trim(), topic.Summary.En);
        Assert.Equal(["사실 하나 🚀"], topic.KeyFactsEn);
    }
}
