using StudyBot.Core.Content;
using StudyBot.Core.Suggestions;
using StudyBot.Testing;

namespace StudyBot.Core.Tests.Suggestions;

public class SuggestionCheckTests
{
    private static readonly ContentPack Pack = Packs.Small();

    private static SuggestionDraft Valid(string prompt = "Which AWS storage is a block device?") =>
        new(prompt, "Amazon S3\nAmazon EBS\nAmazon SQS", "B", "EBS volumes attach to an instance as block devices.", "");

    private static CheckedSuggestion Check(SuggestionDraft draft) => SuggestionCheck.Check(draft, Pack, "suggested-1", "mina");

    [Fact]
    public void A_valid_draft_makes_a_single_choice_question_in_the_writers_language_written_by_them()
    {
        var question = Check(Valid()).Question!;

        Assert.Equal((QuestionKind.SingleChoice, 3, "B", "mina"), (question.Kind, question.Choices.Count, question.AnswerLetters(), question.WrittenBy));
        Assert.Equal("Which AWS storage is a block device?", question.Prompt.En);
        Assert.Null(question.Prompt.Ko);
        Assert.Equal(SuggestionCheck.MemberTopicId, question.TopicId);
    }

    [Fact]
    public void A_korean_prompt_makes_a_korean_question()
    {
        var question = Check(Valid("블록 스토리지는 무엇인가요?") with { Explanation = "EBS는 블록 장치예요." }).Question!;

        Assert.Equal(("블록 스토리지는 무엇인가요?", (string?)null), (question.Prompt.Ko, question.Prompt.En));
        Assert.Equal("Amazon EBS", question.Choices[1].Ko);
    }

    [Fact]
    public void Seven_choices_are_refused_with_the_pack_rule()
    {
        var check = Check(Valid() with { Choices = string.Join('\n', Enumerable.Range(1, 7).Select(i => $"Choice {i}")) });

        Assert.False(check.IsValid);
        Assert.Equal("The question has 7 choices; a single question needs 2 to 5", check.Errors[SuggestionDraft.ChoicesField].En);
        Assert.Contains("7개", check.Errors[SuggestionDraft.ChoicesField].Ko, StringComparison.Ordinal);
    }

    [Fact]
    public void A_300_character_choice_is_refused_as_too_long_for_a_button()
    {
        var check = Check(Valid() with { Choices = "Short\n" + new string('x', 300) });

        Assert.StartsWith("choice B is 300 characters; at most 72 fit a button label", check.Errors[SuggestionDraft.ChoicesField].En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("D", "answer 'D' is out of range: the question has 3 choices (A-C)")]
    [InlineData("Z", "answer 'Z' must be a choice letter A-E")]
    [InlineData("A, A", "answer 'A' is listed twice")]
    public void An_answer_letter_that_does_not_fit_the_choices_is_refused(string answer, string expected)
    {
        Assert.Equal(expected, Check(Valid() with { Answer = answer }).Errors[SuggestionDraft.AnswerField].En);
    }

    [Fact]
    public void Two_letters_make_a_choose_two_question_and_true_without_choices_a_true_false_one()
    {
        var two = Check(Valid() with { Answer = "a, c" }).Question!;
        var trueFalse = Check(Valid() with { Choices = "", Answer = "거짓" }).Question!;

        Assert.Equal((QuestionKind.ChooseTwo, "A, C"), (two.Kind, two.AnswerLetters()));
        Assert.Equal((QuestionKind.TrueFalse, "B"), (trueFalse.Kind, trueFalse.AnswerLetters()));
    }

    [Fact]
    public void Every_missing_field_is_named_at_once()
    {
        var check = Check(new SuggestionDraft("", "One\nTwo", "", " ", ""));

        Assert.Equal([SuggestionDraft.AnswerField, SuggestionDraft.ExplanationField, SuggestionDraft.PromptField], check.Errors.Keys.Order());
    }

    [Fact]
    public void Html_and_mentions_stay_the_text_that_was_typed()
    {
        var prompt = "<b>@everyone</b> <!channel> <@U123> & <script>x</script>?";

        var question = Check(Valid(prompt)).Question!;

        Assert.Equal(prompt, question.Prompt.En);
    }

    [Fact]
    public void A_named_topic_is_found_by_title_or_alias_and_an_unknown_one_is_refused_with_close_names()
    {
        Assert.Equal("ebs", Check(Valid() with { Topic = "Elastic Block Store" }).Question!.TopicId);
        Assert.Equal("s3", Check(Valid() with { Topic = "s3" }).Question!.TopicId);

        var unknown = Check(Valid() with { Topic = "EBX" });
        Assert.Contains("no topic \"EBX\"", unknown.Errors[SuggestionDraft.TopicField].En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prompt_over_the_pack_limit_is_refused()
    {
        var check = Check(Valid(new string('q', QuestionRules.MaxPromptLength + 1)));

        Assert.Equal($"prompt is {QuestionRules.MaxPromptLength + 1} characters; at most {QuestionRules.MaxPromptLength} fit a chat message", check.Errors[SuggestionDraft.PromptField].En);
    }
}
