using StudyBot.Testing;

namespace StudyBot.Web.BrowserTests;

/// <summary>
/// The pack the browser tests read: three topics (Korean titles too) and six single-choice questions,
/// each with how many of the seeded members answer it correctly, so the flags are known in advance.
/// </summary>
internal static class SeedPack
{
    public const string PackId = "web";

    /// <summary>Question id, topic, and how many of <see cref="SeededBot.Members"/> members get it right (the key is always B).</summary>
    public static readonly IReadOnlyList<(string Id, string Topic, int Correct)> Questions =
    [
        ("web-ebs-az", "ebs", 22),      // 100 % of 22: too easy
        ("web-ebs-snapshot", "ebs", 14),
        ("web-s3-class", "s3", 5),      // 23 %: too hard (the top group, 8 members by ties, still picks the key most)
        ("web-s3-policy", "s3", 11),
        ("web-vpc-nat", "vpc", 16),
        ("web-vpc-peering", "vpc", 8),
    ];

    public static readonly IReadOnlyDictionary<string, (string En, string Ko)> Topics = new Dictionary<string, (string, string)>
    {
        ["ebs"] = ("Amazon EBS", "EBS 볼륨"),
        ["s3"] = ("Amazon S3", "S3 버킷"),
        ["vpc"] = ("Amazon VPC", "VPC 네트워크"),
    };

    public static string TopicOf(string questionId) => Questions.Single(q => q.Id == questionId).Topic;

    /// <returns>The content folder to pass as StudyBot:Content:Path.</returns>
    public static string WriteTo(TempDirectory dir)
    {
        dir.Write($"content/{PackId}/pack.yaml", $"id: {PackId}\ntitle: Browser tests\nlanguage: en\n");
        foreach (var (topic, (en, ko)) in Topics)
        {
            dir.Write($"content/{PackId}/topics/{topic}.md",
                $"---\nid: {topic}\ntitle: {{ en: {en}, ko: {ko} }}\n---\n## Summary\nNotes on {en}.\n\n## 요약\n{ko} 요약.\n");
            var questions = Questions.Where(q => q.Topic == topic).Select(q => $"""
                  - id: {q.Id}
                    topic: {topic}
                    kind: single
                    prompt: A question about {en} ({q.Id})?
                    choices: [First choice, Second choice, Third choice, Fourth choice]
                    answer: B
                    explanation: The second choice is right.
                """);
            dir.Write($"content/{PackId}/questions/{topic}.yaml", "questions:\n" + string.Join("\n", questions) + "\n");
        }
        return dir.File("content");
    }
}
