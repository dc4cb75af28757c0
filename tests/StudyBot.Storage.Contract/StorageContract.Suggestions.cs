using StudyBot.Core.Storage;
using StudyBot.Core.Suggestions;

namespace StudyBot.Storage.Contract;

/// <summary>Suggestions (<see cref="ISuggestionStore"/>): the queue per channel, one decision each, the reviewers channel.</summary>
public abstract partial class StorageContract
{
    private static readonly SuggestionDraft Draft = new("Which storage is block storage?", "S3\nEBS\nGlacier", "B", "EBS volumes are block devices.", "ebs");

    private async Task<(ChannelSettings Channel, long Id)> SuggestedAsync(string channel = "c1", string author = "mina", SuggestionDraft? draft = null)
    {
        var settings = await Store.ChannelAsync(channel);
        var id = await Store.Suggestions.AddAsync(new NewSuggestion(settings.Id, StoreScenario.User(author), draft ?? Draft, T0), default);
        return (settings, id);
    }

    [Fact]
    public async Task An_added_suggestion_reads_back_pending_with_its_author_and_text_as_typed()
    {
        var draft = Draft with { Prompt = "<b>@everyone</b> 한국어 & <@U123>" };
        var (channel, id) = await SuggestedAsync(draft: draft);

        var found = await Store.Suggestions.FindAsync(id, default);

        Assert.NotNull(found);
        Assert.Equal((channel.Id, StoreScenario.User("mina"), draft, SuggestionStatus.Pending, T0), (found.ChannelId, found.Author, found.Draft, found.Status, found.CreatedAt));
        Assert.Null(found.ReviewedBy);
        Assert.Null(await Store.Suggestions.FindAsync(id + 1000, default));
    }

    [Fact]
    public async Task The_queue_lists_a_channels_suggestions_of_one_status_oldest_first()
    {
        var (channel, first) = await SuggestedAsync();
        var (_, second) = await SuggestedAsync();
        var (_, elsewhere) = await SuggestedAsync(channel: "c2");
        var (_, rejected) = await SuggestedAsync();
        await Store.Suggestions.DecideAsync(rejected, SuggestionStatus.Rejected, StoreScenario.User("admin"), T0, default);

        Assert.Equal([first, second], (await Store.Suggestions.ListAsync(channel.Id, SuggestionStatus.Pending, default)).Select(s => s.Id));
        Assert.Equal([rejected], (await Store.Suggestions.ListAsync(channel.Id, SuggestionStatus.Rejected, default)).Select(s => s.Id));
        Assert.DoesNotContain(elsewhere, (await Store.Suggestions.ListAsync(channel.Id, SuggestionStatus.Pending, default)).Select(s => s.Id));
    }

    [Fact]
    public async Task A_suggestion_is_decided_once_and_a_second_decision_is_told_who_decided()
    {
        var (_, id) = await SuggestedAsync();

        var first = await Store.Suggestions.DecideAsync(id, SuggestionStatus.Approved, StoreScenario.User("ana"), T0.AddMinutes(1), default);
        var second = await Store.Suggestions.DecideAsync(id, SuggestionStatus.Rejected, StoreScenario.User("bo"), T0.AddMinutes(2), default);

        Assert.True(first.Decided);
        Assert.False(second.Decided);
        Assert.Equal((SuggestionStatus.Approved, "ana", (DateTimeOffset?)T0.AddMinutes(1)), (second.Current!.Status, second.Current.ReviewedBy, second.Current.ReviewedAt));
        Assert.False(await Store.Suggestions.EditPendingAsync(id, Draft with { Answer = "A" }, default));
        Assert.Equal("B", (await Store.Suggestions.FindAsync(id, default))!.Draft.Answer);
    }

    [Fact]
    public async Task Two_admins_approving_at_once_decide_it_once()
    {
        var (channel, id) = await SuggestedAsync();

        var decisions = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Store.Suggestions.DecideAsync(id, SuggestionStatus.Approved, StoreScenario.User($"admin{i}"), T0, default))));

        var winner = Assert.Single(decisions, d => d.Decided);
        Assert.All(decisions, d => Assert.Equal(winner.Current!.ReviewedBy, d.Current!.ReviewedBy));
        Assert.Single(await Store.Suggestions.ListAsync(channel.Id, SuggestionStatus.Approved, default));
    }

    [Fact]
    public async Task Approved_suggestions_of_every_channel_are_listed_for_the_pools()
    {
        var (one, a) = await SuggestedAsync("c1");
        var (two, b) = await SuggestedAsync("c2");
        var (_, pending) = await SuggestedAsync("c2");
        foreach (var id in new[] { a, b }) await Store.Suggestions.DecideAsync(id, SuggestionStatus.Approved, StoreScenario.User("admin"), T0, default);

        var approved = await Store.Suggestions.ListApprovedAsync(default);

        Assert.Equal([(one.Id, a), (two.Id, b)], approved.Select(s => (s.ChannelId, s.Id)));
        Assert.DoesNotContain(pending, approved.Select(s => s.Id));
    }

    [Fact]
    public async Task A_pending_edit_replaces_the_text_and_the_review_message_is_remembered()
    {
        var (_, id) = await SuggestedAsync();
        var edited = Draft with { Prompt = "Which AWS storage is block storage?", Topic = "" };

        Assert.True(await Store.Suggestions.EditPendingAsync(id, edited, default));
        await Store.Suggestions.SetReviewMessageAsync(id, "reviewers", "m-1", default);

        var found = (await Store.Suggestions.FindAsync(id, default))!;
        Assert.Equal((edited, "reviewers", "m-1"), (found.Draft, found.ReviewChannelId, found.ReviewMessageId));
    }

    [Fact]
    public async Task The_reviewers_channel_is_set_replaced_and_turned_off_per_channel()
    {
        var one = await Store.ChannelAsync("c1");
        var two = await Store.ChannelAsync("c2");
        Assert.Null(await Store.Suggestions.ReviewersChannelAsync(one.Id, default));

        await Store.Suggestions.SetReviewersChannelAsync(one.Id, "r1", default);
        await Store.Suggestions.SetReviewersChannelAsync(one.Id, "r2", default);
        await Store.Suggestions.SetReviewersChannelAsync(two.Id, "r3", default);
        Assert.Equal("r2", await Store.Suggestions.ReviewersChannelAsync(one.Id, default));

        await Store.Suggestions.SetReviewersChannelAsync(one.Id, null, default);
        Assert.Null(await Store.Suggestions.ReviewersChannelAsync(one.Id, default));
        Assert.Equal("r3", await Store.Suggestions.ReviewersChannelAsync(two.Id, default));
    }
}
