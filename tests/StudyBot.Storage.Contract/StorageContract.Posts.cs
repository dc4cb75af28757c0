using StudyBot.Core.Chat;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Contract;

/// <summary>Posts and answers (<see cref="Core.Storage.IPostStore"/>).</summary>
public abstract partial class StorageContract
{
    [Fact]
    public async Task Reserving_the_same_channel_and_day_twice_returns_the_first_post()
    {
        var channel = await Store.ChannelAsync();
        var (first, created) = await Store.Posts.ReserveAsync(new NewPost(channel.Id, "pack", "q1", Day, T0, T0.AddHours(1)), default);
        var (second, createdAgain) = await Store.Posts.ReserveAsync(new NewPost(channel.Id, "pack", "q2", Day, T0, T0.AddHours(1)), default);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("q1", second.QuestionId);
    }

    [Fact]
    public async Task A_second_answer_by_the_same_user_is_rejected_and_the_first_kept()
    {
        var channel = await Store.ChannelAsync();
        var post = await Store.PostAsync(channel.Id, Day, T0);
        var alice = await Store.UserAsync("alice");

        Assert.Equal(AnswerOutcome.Recorded, await Store.AnswerAsync(post, alice, correct: false, T0.AddMinutes(1)));
        Assert.Equal(AnswerOutcome.AlreadyAnswered, await Store.AnswerAsync(post, alice, correct: true, T0.AddMinutes(2)));

        var results = await Store.Posts.ResultsAsync(post.Id, default);
        Assert.Equal((1, 0), (results.Answered, results.Correct));
    }

    [Fact]
    public async Task Concurrent_duplicate_answers_record_exactly_one()
    {
        var channel = await Store.ChannelAsync();
        var post = await Store.PostAsync(channel.Id, Day, T0);
        var bob = await Store.UserAsync("bob");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => Store.AnswerAsync(post, bob, correct: true, T0.AddSeconds(i)))));

        Assert.Equal(1, outcomes.Count(o => o == AnswerOutcome.Recorded));
        Assert.Equal(15, outcomes.Count(o => o == AnswerOutcome.AlreadyAnswered));
    }

    [Fact]
    public async Task An_answer_after_close_is_rejected()
    {
        var channel = await Store.ChannelAsync();
        var post = await Store.PostAsync(channel.Id, Day, T0);
        var carol = await Store.UserAsync("carol");

        Assert.True(await Store.Posts.CloseAsync(post.Id, T0.AddMinutes(5), default));
        Assert.Equal(AnswerOutcome.Closed, await Store.AnswerAsync(post, carol, correct: true, T0.AddMinutes(6)));
        Assert.Equal(0, (await Store.Posts.ResultsAsync(post.Id, default)).Answered);
    }

    [Fact]
    public async Task An_answer_after_the_close_time_is_rejected_even_before_the_close_runs()
    {
        var channel = await Store.ChannelAsync();
        var post = await Store.PostAsync(channel.Id, Day, T0, TimeSpan.FromHours(1));
        var dave = await Store.UserAsync("dave");

        Assert.Equal(AnswerOutcome.Closed, await Store.AnswerAsync(post, dave, correct: true, T0.AddHours(1)));
    }

    [Fact]
    public async Task Closing_twice_reports_the_second_as_already_closed()
    {
        var channel = await Store.ChannelAsync();
        var post = await Store.PostAsync(channel.Id, Day, T0);
        Assert.True(await Store.Posts.CloseAsync(post.Id, T0, default));
        Assert.False(await Store.Posts.CloseAsync(post.Id, T0, default));
    }

    [Fact]
    public async Task An_answer_to_an_unknown_post_is_reported_as_such()
    {
        var channel = await Store.ChannelAsync();
        var eve = await Store.UserAsync("eve");
        var ghost = new Post(9999, channel.Id, "pack", "q", Day, T0, T0.AddHours(1), null, null);
        Assert.Equal(AnswerOutcome.UnknownPost, await Store.AnswerAsync(ghost, eve, true, T0));
    }

    [Fact]
    public async Task Results_count_choices_and_name_the_first_correct_answer()
    {
        var channel = await Store.ChannelAsync();
        var post = await Store.PostAsync(channel.Id, Day, T0);
        await Store.AnswerAsync(post, await Store.UserAsync("late"), correct: true, T0.AddMinutes(9));
        await Store.AnswerAsync(post, await Store.UserAsync("early"), correct: true, T0.AddMinutes(3));
        await Store.AnswerAsync(post, await Store.UserAsync("wrong"), correct: false, T0.AddMinutes(1));

        var results = await Store.Posts.ResultsAsync(post.Id, default);
        Assert.Equal(3, results.Answered);
        Assert.Equal(2, results.Correct);
        Assert.Equal("early", results.FirstCorrectName);
        Assert.Equal([2, 1, 0, 0, 0], results.ChoiceCounts);
    }

    [Fact]
    public async Task Answers_are_scored_with_the_streak_from_the_channels_previous_post()
    {
        var channel = await Store.ChannelAsync();
        var other = await Store.ChannelAsync("c2");
        var frank = await Store.UserAsync("frank");
        var days = new List<Post>();
        for (var d = 0; d < 9; d++) days.Add(await Store.PostAsync(channel.Id, Day.AddDays(d), T0.AddDays(d)));
        var elsewhere = await Store.PostAsync(other.Id, Day.AddDays(1), T0.AddDays(1));

        foreach (var d in new[] { 0, 1, 2, 3, 4, 5, 6 }) await Store.AnswerAsync(days[d], frank, correct: true, T0.AddDays(d).AddMinutes(1));
        await Store.AnswerAsync(elsewhere, frank, correct: true, T0.AddDays(1).AddMinutes(1));
        await Store.AnswerAsync(days[8], frank, correct: true, T0.AddDays(8).AddMinutes(1)); // missed day 7

        // 10 points, +2 per earlier consecutive correct day, the bonus capped at +10.
        Assert.Equal([(1, 10), (2, 12), (3, 14), (4, 16), (5, 18), (6, 20), (7, 20)], await Task.WhenAll(days.Take(7).Select(p => Store.ScoredAsync(p, "frank"))));
        Assert.Equal((1, 10), await Store.ScoredAsync(elsewhere, "frank")); // streaks are per channel
        Assert.Equal((1, 10), await Store.ScoredAsync(days[8], "frank"));
    }

    [Fact]
    public async Task A_wrong_answer_scores_nothing_and_resets_the_streak()
    {
        var channel = await Store.ChannelAsync();
        var gus = await Store.UserAsync("gus");
        var days = new List<Post>();
        for (var d = 0; d < 3; d++) days.Add(await Store.PostAsync(channel.Id, Day.AddDays(d), T0.AddDays(d)));

        await Store.AnswerAsync(days[0], gus, correct: true, T0.AddMinutes(1));
        await Store.AnswerAsync(days[1], gus, correct: false, T0.AddDays(1).AddMinutes(1));
        await Store.AnswerAsync(days[2], gus, correct: true, T0.AddDays(2).AddMinutes(1));

        Assert.Equal([(1, 10), (0, 0), (1, 10)], await Task.WhenAll(days.Select(p => Store.ScoredAsync(p, "gus"))));
    }

    [Fact]
    public async Task A_first_time_user_is_added_with_the_answer_and_a_new_display_name_is_kept()
    {
        var channel = await Store.ChannelAsync();
        var post = await Store.PostAsync(channel.Id, Day, T0);
        var newcomer = new ChatUser("test", "u-77", "Newcomer");

        Assert.Equal(AnswerOutcome.Recorded,
            await Store.Posts.RecordAnswerAsync(new NewAnswer(post.Id, channel.Id, newcomer, "topic", "0", true, T0.AddMinutes(1)), default));
        var id = await Store.Users.GetOrAddAsync(newcomer, default);
        await Store.Posts.RecordAnswerAsync(new NewAnswer(post.Id, channel.Id, newcomer with { DisplayName = "Renamed" }, "topic", "1", false, T0.AddMinutes(2)), default);
        await Store.Posts.CloseAsync(post.Id, T0.AddHours(12), default);

        var results = await Store.Posts.ResultsAsync(post.Id, default);
        Assert.Equal((1, "Renamed"), (results.Answered, results.FirstCorrectName));
        Assert.Equal(id, await Store.Users.GetOrAddAsync(newcomer with { DisplayName = "Renamed" }, default));
    }

    [Fact]
    public async Task Open_posts_and_history_are_listed_in_order()
    {
        var channel = await Store.ChannelAsync();
        var first = await Store.PostAsync(channel.Id, Day, T0, question: "a");
        var second = await Store.PostAsync(channel.Id, Day.AddDays(1), T0.AddDays(1), question: "b");
        await Store.Posts.CloseAsync(first.Id, T0.AddHours(1), default);
        await Store.Posts.SetMessageIdAsync(second.Id, "m-2", default);

        Assert.Equal(["a", "b"], await Store.Posts.PostedQuestionIdsAsync(channel.Id, default));
        Assert.Equal([second.Id], (await Store.Posts.ListOpenAsync(default)).Select(p => p.Id));
        Assert.Equal("m-2", (await Store.Posts.FindOpenAsync(channel.Id, default))!.MessageId);
    }

    [Fact]
    public async Task An_unknown_post_is_not_found_and_a_channel_without_posts_has_none_open()
    {
        var channel = await Store.ChannelAsync();
        var post = await Store.PostAsync(channel.Id, Day, T0);
        var quiet = await Store.ChannelAsync("quiet");

        Assert.Null(await Store.Posts.FindAsync(post.Id + 1000, default));
        Assert.Null(await Store.Posts.FindOpenAsync(quiet.Id, default));
        Assert.Empty(await Store.Posts.PostedQuestionIdsAsync(quiet.Id, default));
        Assert.Equal(post, await Store.Posts.FindAsync(post.Id, default));
    }

    [Fact]
    public async Task A_closed_post_is_no_longer_the_channels_open_post()
    {
        var channel = await Store.ChannelAsync();
        var post = await Store.PostAsync(channel.Id, Day, T0);
        Assert.Equal(post.Id, (await Store.Posts.FindOpenAsync(channel.Id, default))!.Id);

        await Store.Posts.CloseAsync(post.Id, T0.AddHours(1), default);

        Assert.Null(await Store.Posts.FindOpenAsync(channel.Id, default));
        Assert.Empty(await Store.Posts.ListOpenAsync(default));
    }
}
