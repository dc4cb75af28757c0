namespace StudyBot.Testing;

/// <summary>
/// The one-question pack the end-to-end tests run on, written to disk so the real content loader
/// reads it: topic "ebs", question "e2e-ebs-az" with three choices, answer B.
/// </summary>
public static class EndToEndPack
{
    /// <returns>The content folder to pass as StudyBot:Content:Path.</returns>
    public static string WriteTo(TempDirectory dir)
    {
        dir.Write("content/e2e/pack.yaml", "id: e2e\ntitle: End to end\nlanguage: en\n");
        dir.Write("content/e2e/topics/ebs.md", "---\nid: ebs\ntitle: { en: Amazon EBS, ko: EBS 볼륨 }\naliases: [EBS]\n---\n## Summary\nBlock storage.\n");
        dir.Write("content/e2e/questions/ebs.yaml", """
            questions:
              - id: e2e-ebs-az
                topic: ebs
                kind: single
                prompt: Where does an EBS volume live?
                choices: [In a Region, In one Availability Zone, In an edge location]
                answer: B
                explanation: An EBS volume is bound to one Availability Zone.
            """);
        return dir.File("content");
    }
}
