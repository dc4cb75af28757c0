using StudyBot.Core.Content;

namespace StudyBot.Testing;

/// <summary>Small in-memory packs for tests of the core.</summary>
public static class Packs
{
    public static Question Question(string id, string topic, int correct = 0, int choices = 3, QuestionKind kind = QuestionKind.SingleChoice, params int[] alsoCorrect) =>
        new(id, topic, kind, LocalizedText.Both($"Prompt {id}?", $"{id} 문제?"),
            kind == QuestionKind.TrueFalse ? [] : Enumerable.Range(0, choices).Select(i => LocalizedText.Both($"Choice {i}", $"선택 {i}")).ToList(),
            new HashSet<int>([correct, .. alsoCorrect]), LocalizedText.Both("Because.", "왜냐하면."), "secure", "easy",
            new SourceLocation("test.yaml", 1));

    public static Topic Topic(string id, string en, string ko, params string[] aliases) =>
        new(id, LocalizedText.Both(en, ko), aliases, LocalizedText.Both($"About {en}.", $"{ko}에 대하여."), [$"{en} fact"], [$"{ko} 사실"],
            new SourceLocation($"{id}.md", 1));

    private static readonly string[] TopicIds = ["ebs", "s3", "sqs"];

    /// <summary>Three topics (EBS, S3, SQS) with <paramref name="perTopic"/> questions each.</summary>
    public static ContentPack Small(int perTopic = 2, string id = "test") =>
        new(id, LocalizedText.Both("Test pack", "테스트 팩"), Language.En,
            [Topic("ebs", "Amazon EBS", "EBS 볼륨", "EBS", "Elastic Block Store"), Topic("s3", "Amazon S3", "S3 버킷", "S3", "Simple Storage Service"), Topic("sqs", "Amazon SQS", "SQS 대기열", "SQS", "queue")],
            TopicIds.SelectMany(t => Enumerable.Range(1, perTopic).Select(n => Question($"{t}-{n}", t))).ToList());
}
