using StudyBot.Testing;

namespace StudyBot.Web.Tests;

/// <summary>
/// A second pack for the page tests: topics "s3" and "iam", and three single-answer questions whose key is A:
/// q-easy and q-good on s3, q-bad on iam.
/// </summary>
internal static class PagesPack
{
    public const string Id = "pages";

    public static void WriteTo(TempDirectory dir)
    {
        dir.Write("content/pages/pack.yaml", "id: pages\ntitle: { en: Page tests, ko: 페이지 시험 }\nlanguage: en\n");
        dir.Write("content/pages/topics/s3.md",
            "---\nid: s3\ntitle: { en: Amazon S3, ko: S3 스토리지 }\naliases: [S3, Simple Storage Service]\n---\n## Summary\nObject storage in buckets.\n\n## Key facts\n- Objects up to 5 TB.\n- Eleven nines of durability.\n");
        dir.Write("content/pages/topics/iam.md",
            "---\nid: iam\ntitle: { en: AWS IAM, ko: IAM 권한 }\naliases: [IAM]\n---\n## Summary\nWho may do what.\n");
        dir.Write("content/pages/questions/all.yaml", """
            questions:
              - id: q-easy
                topic: s3
                kind: single
                prompt: What does S3 store?
                choices: [Objects, Blocks, Files on a volume]
                answer: A
                explanation: S3 is object storage.
              - id: q-good
                topic: s3
                kind: single
                prompt: How durable is S3 Standard designed to be?
                choices: [Eleven nines, Three nines, Five nines]
                answer: A
                explanation: 99.999999999 %.
              - id: q-bad
                topic: iam
                kind: single
                prompt: What grants permissions in IAM?
                choices: [Policies, Regions, Subnets]
                answer: A
                explanation: Policies attached to identities.
            """);
    }
}
