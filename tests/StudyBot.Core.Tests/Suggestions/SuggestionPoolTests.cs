using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;
using StudyBot.Core.Suggestions;
using StudyBot.Testing;

namespace StudyBot.Core.Tests.Suggestions;

public class SuggestionPoolTests
{
    private static Suggestion Approved(long id, SuggestionDraft draft, string author = "mina") =>
        new(id, 7, new ChatUser("test", author, author), draft, SuggestionStatus.Approved, DateTimeOffset.UnixEpoch, "admin", DateTimeOffset.UnixEpoch, null, null);

    private static readonly SuggestionDraft Draft = new("Which is block storage?", "S3\nEBS", "B", "EBS is.", "ebs");

    [Fact]
    public void The_member_pack_holds_each_approved_question_under_its_own_id_and_the_named_pack_topic()
    {
        var pack = SuggestionPool.Build(7, Packs.Small(), [Approved(3, Draft), Approved(4, Draft with { Topic = "" }, "jun")]);

        Assert.Equal("suggested-7", pack.Id);
        Assert.Equal(["suggested-3", "suggested-4"], pack.Questions.Select(q => q.Id));
        Assert.Equal(("ebs", "mina"), (pack.FindQuestion("suggested-3")!.TopicId, pack.FindQuestion("suggested-3")!.WrittenBy));
        Assert.NotNull(pack.FindTopic("ebs"));
        Assert.NotNull(pack.FindTopic(SuggestionCheck.MemberTopicId));
    }

    [Fact]
    public void A_topic_the_pack_no_longer_has_keeps_the_question_under_the_member_topic()
    {
        var pack = SuggestionPool.Build(7, Packs.Small(), [Approved(3, Draft with { Topic = "kinesis" })]);

        Assert.Equal(SuggestionCheck.MemberTopicId, Assert.Single(pack.Questions).TopicId);
    }

    [Fact]
    public void A_member_pack_in_the_catalog_is_found_by_pack_and_by_question_and_replaced_whole()
    {
        var catalog = new ContentCatalog([Packs.Small()]);
        catalog.UseMemberPack(SuggestionPool.Build(7, catalog.Default, [Approved(3, Draft)]));
        catalog.UseMemberPack(SuggestionPool.Build(7, catalog.Default, [Approved(4, Draft)]));

        Assert.Equal("suggested-7", catalog.FindQuestionPack("suggested-4")!.Id);
        Assert.Null(catalog.FindQuestionPack("suggested-3"));
        Assert.Single(catalog.Packs);
        Assert.Equal(2, catalog.AllPacks.Count());
    }

    [Fact]
    public void The_post_and_the_reveal_say_who_wrote_a_member_question()
    {
        var question = SuggestionPool.Build(7, Packs.Small(), [Approved(3, Draft)]).Questions[0];
        var post = new Post(1, 7, "suggested-7", question.Id, new DateOnly(2026, 12, 7), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(12), null, null);

        var posted = StudyCards.DailyQuestion(post, question, null, Language.En, TimeZoneInfo.Utc);
        var revealed = StudyCards.Reveal(question, null, new PostResults(0, 0, null, []), Language.Ko);

        Assert.StartsWith("Written by mina · ", posted.Footer, StringComparison.Ordinal);
        Assert.Equal("mina 님이 낸 문제", revealed.Footer);
    }
}
