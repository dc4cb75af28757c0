using StudyBot.Adapters.Slack.Bot.BlockKit;
using StudyBot.Adapters.Slack.Bot.Interactions;
using StudyBot.Core.Chat;
using StudyBot.Core.Commands;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;

namespace StudyBot.Adapters.Slack.Tests.Conformance;

/// <summary>Every kind of message the core builds, rendered for Slack and held to Block Kit's documented limits.</summary>
public sealed class RenderedMessagesTests
{
    // Content and user text with the characters mrkdwn treats specially.
    private const string Tricky = "S3 & EBS <gp3> vs <@U0ALL> <!channel> *bold?* _it_ `code`";

    public static TheoryData<string, int, QuestionKind, Language> Questions()
    {
        var data = new TheoryData<string, int, QuestionKind, Language>();
        foreach (var language in new[] { Language.En, Language.Ko })
        {
            for (var choices = 2; choices <= 5; choices++) data.Add("short", choices, QuestionKind.SingleChoice, language);
            data.Add("short", 5, QuestionKind.ChooseTwo, language);
            data.Add("short", 2, QuestionKind.TrueFalse, language);
            data.Add("long", 5, QuestionKind.SingleChoice, language);
            data.Add("long", 5, QuestionKind.ChooseTwo, language);
            data.Add("tricky", 4, QuestionKind.SingleChoice, language);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public void Daily_practice_second_pick_and_reveal_messages_are_valid_Block_Kit(string text, int choices, QuestionKind kind, Language language)
    {
        var question = Question(text, choices, kind);
        var topic = Topic(text);
        var post = new Post(42, 7, "aws", question.Id, new DateOnly(2026, 11, 25), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(10), null, null);

        Check(StudyCards.DailyQuestion(post, question, topic, language, TimeZoneInfo.Utc), "daily question");
        Check(StudyCards.PracticeQuestion(question, topic, language), "practice question");
        if (kind == QuestionKind.ChooseTwo)
            Check(StudyCards.SecondPick(question, 1, i => ButtonIds.Daily(post.Id, i, 1), language), "second pick");
        Check(StudyCards.Reveal(question, topic, new PostResults(1234, 567, text == "tricky" ? Tricky : "Alice", [.. Enumerable.Range(0, choices)]), language), "reveal");
    }

    [Fact]
    public void Practice_buttons_of_the_longest_question_id_content_allows_are_valid_Block_Kit()
    {
        // QuestionFileReader allows ids of up to 80 characters; the id travels in every practice button's action_id.
        var question = Question("short", 5, QuestionKind.ChooseTwo) with { Id = new string('q', 80) };
        Check(StudyCards.PracticeQuestion(question, null, Language.En), "practice question");
        Check(StudyCards.SecondPick(question, 4, i => ButtonIds.Practice(question.Id, i, 4), Language.En), "practice second pick");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(500)]
    public void Leaderboards_are_valid_Block_Kit(int rows)
    {
        var board = Enumerable.Range(0, rows).Select(i => new LeaderboardRow(i, i % 3 == 0 ? Tricky : new string('가', 80), 1000 - i, 50, 60)).ToList();
        Check(StudyCards.LeaderboardCard("Leaderboard · this week", board, Language.En), "leaderboard");
    }

    [Theory]
    [InlineData("short")]
    [InlineData("long")]
    [InlineData("tricky")]
    public void Topic_cards_are_valid_Block_Kit(string text)
    {
        var others = Enumerable.Range(0, 30).Select(i => new TopicMatch(Topic(text) with { Id = $"t{i}" }, "x", 1)).ToList();
        Check(StudyCards.TopicCard(Topic(text), others, Language.En), "topic");
        Check(StudyCards.TopicCard(Topic(text), [], Language.Ko), "topic without others");
    }

    [Theory]
    [InlineData(false, "en")]
    [InlineData(true, "en")]
    [InlineData(true, "ko")]
    public void Help_is_valid_Block_Kit(bool isAdmin, string language)
    {
        var context = new CommandContext(new ChannelAddress("slack", "C0STUDY"), new ChatUser("slack", "U0ALICE", Tricky), isAdmin,
            language == "ko" ? Language.Ko : Language.En, "/study ");
        Check(HelpCommand.Build(context), "help");
    }

    [Fact]
    public void Errors_and_replies_quoting_user_text_are_valid_Block_Kit()
    {
        Check(ChatReply.Private("Unknown command", $"I don't know `{Tricky}`. Try /study help.").Message, "error");
        Check(ChatReply.Private("", new string('x', 10_000)).Message, "a long error without a title");
        Check(new ChatMessage("", "", [new MessageField(Tricky, Tricky)], []), "fields only");
        Check(new ChatMessage("Fields", "", [.. Enumerable.Range(0, 23).Select(i => new MessageField($"f{i}", new string('v', 3000)))], [], Tricky), "many long fields");
        Check(new ChatMessage("", "", [], []), "an empty message");
    }

    [Fact]
    public void Slash_command_and_response_url_payloads_are_valid_Block_Kit()
    {
        var payload = SlackResponder.Payload(new ChatReply(StudyCards.PracticeQuestion(Question("tricky", 4, QuestionKind.SingleChoice), null, Language.En), true));
        BlockKitChecker.AssertValid(payload, "a response payload");
        Assert.Equal("ephemeral", payload["response_type"]!.GetValue<string>());
    }

    private static void Check(ChatMessage message, string what) => BlockKitChecker.AssertValid(BlockKitRenderer.Render(message), what);

    private static string Text(string kind, int length) => kind switch
    {
        "long" => string.Concat(Enumerable.Repeat("A very long line of question text & more <b> ", length / 45 + 1))[..length],
        "tricky" => Tricky,
        _ => "Which EBS volume type is SSD-backed?",
    };

    internal static Question Question(string kind, int choices, QuestionKind questionKind)
    {
        var count = questionKind == QuestionKind.TrueFalse ? 2 : choices;
        var choiceTexts = Enumerable.Range(0, count).Select(i => LocalizedText.Both($"{Text(kind, kind == "long" ? 400 : 20)} {i}", $"선택지 {i} {Text(kind, kind == "long" ? 400 : 20)}")).ToList();
        return new Question("aws-ebs-" + kind + count, "ebs", questionKind,
            LocalizedText.Both(Text(kind, kind == "long" ? 4000 : 40), "한국어 " + Text(kind, kind == "long" ? 4000 : 40)),
            choiceTexts, questionKind == QuestionKind.ChooseTwo ? new HashSet<int> { 0, 1 } : new HashSet<int> { 0 },
            LocalizedText.Both(Text(kind, kind == "long" ? 6000 : 60), "설명 " + Text(kind, kind == "long" ? 6000 : 60)), "Domain", "easy", new SourceLocation("q.md", 1));
    }

    private static Topic Topic(string kind) => new("ebs", LocalizedText.Both(Text(kind, kind == "long" ? 300 : 10), "EBS " + Text(kind, kind == "long" ? 300 : 10)),
        [.. Enumerable.Range(0, 20).Select(i => $"alias {i} {Text(kind, 10)}")],
        LocalizedText.Both(Text(kind, kind == "long" ? 5000 : 50), Text(kind, kind == "long" ? 5000 : 50)),
        [.. Enumerable.Range(0, 30).Select(i => Text(kind, kind == "long" ? 500 : 30))], [], new SourceLocation("t.md", 1));
}
