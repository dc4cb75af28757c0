using StudyBot.Core.Chat;
using StudyBot.Core.Suggestions;
using StudyBot.Testing;

namespace StudyBot.Core.Tests.Suggestions;

public class SuggestionIdsTests
{
    [Theory]
    [InlineData(SuggestionVerdict.Approve)]
    [InlineData(SuggestionVerdict.Edit)]
    [InlineData(SuggestionVerdict.Reject)]
    public void Review_buttons_read_back_as_written(SuggestionVerdict verdict)
    {
        Assert.True(ButtonIds.TryParse(ButtonIds.ReviewSuggestion(42, verdict), out var action));
        Assert.Equal(new ButtonAction.ReviewSuggestion(42, verdict), action);
    }

    [Theory]
    [InlineData("sb:s:x:42")]
    [InlineData("sb:s:a:0")]
    [InlineData("sb:s:a:-1")]
    [InlineData("sb:sr:")]
    [InlineData("sb:sr:../../x")]
    public void Malformed_suggestion_buttons_are_not_read(string id) => Assert.False(ButtonIds.TryParse(id, out _));

    [Fact]
    public void Form_ids_read_back_and_unknown_ones_do_not()
    {
        Assert.True(FormIds.TryParse(FormIds.NewSuggestion, out var created));
        Assert.IsType<FormPurpose.NewSuggestion>(created);
        Assert.True(FormIds.TryParse(FormIds.EditSuggestion(9), out var edit));
        Assert.Equal(new FormPurpose.EditSuggestion(9), edit);
        Assert.False(FormIds.TryParse("sb:f:edit:abc", out _));
        Assert.False(FormIds.TryParse("other", out _));
    }

    [Fact]
    public void A_held_draft_is_given_back_only_to_its_writer_and_only_while_kept()
    {
        var clock = new ManualClock();
        var drafts = new SuggestionDrafts(clock);
        var draft = new SuggestionDraft("Q?", "A\nB", "C", "E.", "");
        var token = drafts.Hold(new ChannelAddress("test", "room"), "mina", draft, null);

        Assert.True(ButtonIds.TryParse(ButtonIds.ResendSuggestion(token), out var action));
        Assert.Equal(token, ((ButtonAction.ResendSuggestion)action).DraftToken);
        Assert.Equal(draft, drafts.Find(token, "mina")!.Draft);
        Assert.Null(drafts.Find(token, "jun"));

        clock.Advance(SuggestionDrafts.KeepFor + TimeSpan.FromSeconds(1));
        Assert.Null(drafts.Find(token, "mina"));
    }
}
