using StudyBot.Core.Review;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Contract;

/// <summary>Cards and the review log (<see cref="IReviewStore"/>, and the card updates riding on answers).</summary>
public abstract partial class StorageContract
{
    /// <summary>A schedule the tests can predict: stability grows by the rating, due in rating days.</summary>
    private static readonly ScheduleCard Plain = (before, rating, at) =>
        new MemoryCard(CardState.Review, before.Stability + (int)rating, 5, at.AddDays((int)rating), at, before.Reps + 1,
            before.Lapses + (rating == Rating.Again && before.Reps > 0 ? 1 : 0));

    private static CardReview Review(string question, Rating rating, DateTimeOffset at, ReviewSource source = ReviewSource.Review, string topic = "topic") =>
        new("pack", question, topic, rating, source, at, Plain);

    [Fact]
    public async Task A_wrong_daily_answer_makes_a_card_that_comes_due_in_the_order_of_its_due_time()
    {
        var channel = await Store.ChannelAsync();
        var post = await Store.PostAsync(channel.Id, Day, T0);
        var alice = await Store.UserAsync("alice");

        var outcome = await Store.Posts.RecordAnswerAsync(new NewAnswer(post.Id, channel.Id, StoreScenario.User("alice"), "topic", "1", false, T0.AddMinutes(1),
            Review("q1", Rating.Again, T0.AddMinutes(1), ReviewSource.Daily)), default);
        await Store.Reviews.ReviewAsync(StoreScenario.User("alice"), Review("q2", Rating.Good, T0), 0, default);

        Assert.Equal(AnswerOutcome.Recorded, outcome);
        Assert.Null(await Store.Reviews.NextDueAsync(alice, T0.AddHours(12), null, [], default));
        var due = await Store.Reviews.NextDueAsync(alice, T0.AddDays(5), null, [], default);
        Assert.Equal(("q1", Rating.Again, 1), (due!.QuestionId, due.LastRating, due.Memory.Reps));
        Assert.Equal(new DueSummary(2, null), await Store.Reviews.DueAsync(alice, T0.AddDays(5), null, [], default));
        Assert.Equal(new DueSummary(0, T0.AddMinutes(1).AddDays(1)), await Store.Reviews.DueAsync(alice, T0.AddHours(1), null, [], default));
        Assert.Equal(["pack"], await Store.Reviews.AnsweredPackIdsAsync(alice, default));
    }

    [Fact]
    public async Task A_rejected_daily_answer_leaves_the_card_alone()
    {
        var channel = await Store.ChannelAsync();
        var post = await Store.PostAsync(channel.Id, Day, T0);
        var bob = await Store.UserAsync("bob");
        var answer = new NewAnswer(post.Id, channel.Id, StoreScenario.User("bob"), "topic", "0", true, T0.AddMinutes(1), Review("q1", Rating.Good, T0.AddMinutes(1), ReviewSource.Daily));

        await Store.Posts.RecordAnswerAsync(answer, default);
        Assert.Equal(AnswerOutcome.AlreadyAnswered, await Store.Posts.RecordAnswerAsync(answer with { AnsweredAt = T0.AddMinutes(2) }, default));

        var card = Assert.Single(await Store.Reviews.CardsAsync(bob, default));
        Assert.Equal(1, card.Memory.Reps);
    }

    [Fact]
    public async Task A_practice_answer_updates_the_card_with_it()
    {
        var carol = await Store.UserAsync("carol");

        await Store.Practice.RecordAsync(carol, "q7", "topic", false, T0, Review("q7", Rating.Again, T0, ReviewSource.Quiz), default);

        var card = Assert.Single(await Store.Reviews.CardsAsync(carol, default));
        Assert.Equal(("q7", Rating.Again, T0.AddDays(1)), (card.QuestionId, card.LastRating, card.Memory.Due));
        Assert.Equal(0, await Store.Reviews.NewReviewCardsSinceAsync(carol, T0.AddDays(-1), default));
    }

    [Fact]
    public async Task A_review_from_a_stale_message_records_nothing()
    {
        var dave = await Store.UserAsync("dave");
        var user = StoreScenario.User("dave");
        Assert.Equal(ReviewOutcome.Recorded, (await Store.Reviews.ReviewAsync(user, Review("q1", Rating.Good, T0), 0, default)).Outcome);

        var stale = await Store.Reviews.ReviewAsync(user, Review("q1", Rating.Again, T0.AddDays(3)), 0, default);

        Assert.Equal(ReviewOutcome.Stale, stale.Outcome);
        var card = Assert.Single(await Store.Reviews.CardsAsync(dave, default));
        Assert.Equal((1, Rating.Good), (card.Memory.Reps, card.LastRating));
        Assert.Equal(1, await Store.Reviews.NewReviewCardsSinceAsync(dave, T0, default));
    }

    [Fact]
    public async Task A_regrade_recomputes_the_card_from_the_state_before_and_only_for_its_owner_and_latest_review()
    {
        var erin = await Store.UserAsync("erin");
        await Store.UserAsync("frank");
        var user = StoreScenario.User("erin");
        await Store.Reviews.ReviewAsync(user, Review("q1", Rating.Good, T0), 0, default);
        var second = await Store.Reviews.ReviewAsync(user, Review("q1", Rating.Good, T0.AddDays(3)), 1, default);
        var before = (await Store.Reviews.CardsAsync(erin, default)).Single().Memory;

        Assert.Equal(RegradeOutcome.NotOwner, (await Store.Reviews.RegradeAsync(StoreScenario.User("frank"), second.ReviewId, Rating.Easy, Plain, default)).Outcome);
        Assert.Equal(RegradeOutcome.UnknownReview, (await Store.Reviews.RegradeAsync(user, second.ReviewId + 100, Rating.Easy, Plain, default)).Outcome);
        Assert.Equal(before, (await Store.Reviews.CardsAsync(erin, default)).Single().Memory);

        var regraded = await Store.Reviews.RegradeAsync(user, second.ReviewId, Rating.Easy, Plain, default);

        // Before the second review the card had stability 3 (Good on a new card): Easy adds 4, due 4 days after that review.
        Assert.Equal(RegradeOutcome.Regraded, regraded.Outcome);
        var card = (await Store.Reviews.CardsAsync(erin, default)).Single();
        Assert.Equal((7.0, T0.AddDays(3).AddDays(4), 2, Rating.Easy), (card.Memory.Stability, card.Memory.Due, card.Memory.Reps, card.LastRating));

        var third = await Store.Reviews.ReviewAsync(user, Review("q1", Rating.Again, T0.AddDays(8)), 2, default);
        Assert.Equal(RegradeOutcome.NotLatest, (await Store.Reviews.RegradeAsync(user, second.ReviewId, Rating.Hard, Plain, default)).Outcome);
        Assert.Equal(RegradeOutcome.NotRecalled, (await Store.Reviews.RegradeAsync(user, third.ReviewId, Rating.Easy, Plain, default)).Outcome);
        Assert.Equal(Rating.Again, (await Store.Reviews.CardsAsync(erin, default)).Single().LastRating);
        Assert.Equal(new RecallCount(2, 1), await Store.Reviews.RecallSinceAsync(erin, T0, default));
    }

    [Fact]
    public async Task Cards_of_questions_no_longer_loaded_are_retired_and_come_back_with_their_question()
    {
        var gina = await Store.UserAsync("gina");
        var user = StoreScenario.User("gina");
        await Store.Reviews.ReviewAsync(user, Review("kept", Rating.Again, T0), 0, default);
        await Store.Reviews.ReviewAsync(user, Review("gone", Rating.Again, T0), 0, default);

        Assert.Equal(1, await Store.Reviews.SyncRetiredAsync(["kept", "other"], default));

        Assert.Equal(["kept"], (await Store.Reviews.CardsAsync(gina, default)).Select(c => c.QuestionId));
        Assert.Equal(1, (await Store.Reviews.DueAsync(gina, T0.AddDays(2), null, [], default)).Due);
        Assert.Contains("gone", await Store.Reviews.CardQuestionIdsAsync(gina, default));

        Assert.Equal(1, await Store.Reviews.SyncRetiredAsync(["kept", "gone"], default));
        Assert.Equal(2, (await Store.Reviews.CardsAsync(gina, default)).Count);
    }

    [Fact]
    public async Task Cards_due_across_all_members_count_each_due_card_once_and_no_retired_one()
    {
        var (ann, ben) = (await Store.UserAsync("ann"), await Store.UserAsync("ben"));
        await Store.AddReviewCardAsync(ann, "q1", T0.AddHours(-1));
        await Store.AddReviewCardAsync(ann, "q2", T0);
        await Store.AddReviewCardAsync(ann, "q3", T0.AddDays(2));
        await Store.AddReviewCardAsync(ben, "q1", T0.AddMinutes(-5));
        await Store.AddReviewCardAsync(ben, "q2", T0.AddDays(-3), retired: true);

        Assert.Equal(0, await Store.Reviews.AllDueCountAsync(T0.AddHours(-2), default));
        Assert.Equal(3, await Store.Reviews.AllDueCountAsync(T0, default));
        Assert.Equal(4, await Store.Reviews.AllDueCountAsync(T0.AddDays(2), default));
    }

    [Fact]
    public async Task The_due_count_follows_every_card_write_to_the_millisecond_across_hours()
    {
        var (kim, lee) = (await Store.UserAsync("kim"), await Store.UserAsync("lee"));
        var channel = await Store.ChannelAsync();
        var post = await Store.PostAsync(channel.Id, Day, T0);
        var at = T0.AddMinutes(30); // mid-hour: every due below falls inside an hour, not on its start
        await Store.Reviews.ReviewAsync(StoreScenario.User("kim"), Review("q1", Rating.Again, at), 0, default);
        await Store.Reviews.ReviewAsync(StoreScenario.User("kim"), Review("q2", Rating.Good, at), 0, default);
        await Store.Practice.RecordAsync(lee, "q1", "topic", false, at, Review("q1", Rating.Again, at, ReviewSource.Quiz), default);
        await Store.Posts.RecordAnswerAsync(new NewAnswer(post.Id, channel.Id, StoreScenario.User("mia"), "topic", "1", false, at,
            Review("q5", Rating.Hard, at, ReviewSource.Daily)), default);
        var day = at.AddDays(1);

        Assert.Equal(0, await Store.Reviews.AllDueCountAsync(day.AddMilliseconds(-1), default));
        Assert.Equal(2, await Store.Reviews.AllDueCountAsync(day, default));
        Assert.Equal(2, await Store.Reviews.AllDueCountAsync(day.AddMinutes(29), default));
        Assert.Equal(4, await Store.Reviews.AllDueCountAsync(at.AddDays(3), default));

        // kim's q1 moves from the hour it was due in to three days later, then a re-grade moves it a day further.
        var second = await Store.Reviews.ReviewAsync(StoreScenario.User("kim"), Review("q1", Rating.Good, day), 1, default);
        Assert.Equal(1, await Store.Reviews.AllDueCountAsync(day.AddHours(2), default));
        Assert.Equal(4, await Store.Reviews.AllDueCountAsync(day.AddDays(3), default));
        await Store.Reviews.RegradeAsync(StoreScenario.User("kim"), second.ReviewId, Rating.Easy, Plain, default);
        Assert.Equal(3, await Store.Reviews.AllDueCountAsync(day.AddDays(3), default));
        Assert.Equal(4, await Store.Reviews.AllDueCountAsync(day.AddDays(4), default));

        Assert.Equal(2, await Store.Reviews.SyncRetiredAsync(["q2", "q5"], default));
        Assert.Equal(2, await Store.Reviews.AllDueCountAsync(day.AddDays(4), default));
        Assert.Equal(2, await Store.Reviews.SyncRetiredAsync(["q1", "q2", "q5"], default));
        Assert.Equal(4, await Store.Reviews.AllDueCountAsync(day.AddDays(4), default));
    }

    [Fact]
    public async Task Due_cards_can_be_narrowed_to_topics()
    {
        var hana = await Store.UserAsync("hana");
        var user = StoreScenario.User("hana");
        await Store.Reviews.ReviewAsync(user, Review("q1", Rating.Again, T0, topic: "ebs"), 0, default);
        await Store.Reviews.ReviewAsync(user, Review("q2", Rating.Again, T0.AddHours(1), topic: "s3"), 0, default);

        var due = await Store.Reviews.NextDueAsync(hana, T0.AddDays(2), ["s3"], [], default);

        Assert.Equal("q2", due!.QuestionId);
        Assert.Equal(1, (await Store.Reviews.DueAsync(hana, T0.AddDays(2), ["s3"], [], default)).Due);
    }

    [Fact]
    public async Task Held_questions_are_left_out_of_the_next_card_and_the_due_count()
    {
        var ivy = await Store.UserAsync("ivy");
        var user = StoreScenario.User("ivy");
        await Store.Reviews.ReviewAsync(user, Review("q1", Rating.Again, T0), 0, default);
        await Store.Reviews.ReviewAsync(user, Review("q2", Rating.Again, T0.AddHours(1)), 0, default);
        await Store.Reviews.ReviewAsync(user, Review("q3", Rating.Good, T0.AddHours(2)), 0, default);
        var at = T0.AddDays(2);
        var unheld = await Store.Reviews.DueAsync(ivy, at, null, [], default);

        Assert.Equal("q1", (await Store.Reviews.NextDueAsync(ivy, at, null, [], default))!.QuestionId);
        Assert.Equal("q2", (await Store.Reviews.NextDueAsync(ivy, at, null, ["q1", "elsewhere"], default))!.QuestionId);
        Assert.Null(await Store.Reviews.NextDueAsync(ivy, at, null, ["q1", "q2"], default));
        Assert.Equal(unheld.Due - 1, (await Store.Reviews.DueAsync(ivy, at, null, ["q1"], default)).Due);
        Assert.Equal(unheld.NextDue, (await Store.Reviews.DueAsync(ivy, at, null, ["q1"], default)).NextDue);
    }
}
