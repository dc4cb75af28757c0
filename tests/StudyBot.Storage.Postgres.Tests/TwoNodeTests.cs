using Dapper;
using StudyBot.Core.Review;
using StudyBot.Core.Storage;
using StudyBot.Core.Suggestions;
using StudyBot.Storage.Contract;

namespace StudyBot.Storage.Postgres.Tests;

/// <summary>
/// Suggestions and channel reports with a second node on the same database (its own pool and stores):
/// what SQLite's process-local caches and single writer give one process, PostgreSQL must give a cluster.
/// </summary>
public sealed class TwoNodeTests : IAsyncLifetime
{
    private PostgresStorage _storage = null!;
    private StoreScenario _store = null!;

    public async Task InitializeAsync()
    {
        _storage = await PostgresStorage.CreateAsync();
        _store = new StoreScenario(_storage);
    }

    public async Task DisposeAsync() => await _storage.DisposeAsync();

    [Fact]
    public async Task A_suggestion_approved_and_rejected_on_two_nodes_at_once_is_decided_once()
    {
        var channel = await _store.ChannelAsync();
        var draft = new SuggestionDraft("Which storage is block storage?", "S3\nEBS", "B", "EBS volumes are block devices.", "ebs");
        var id = await _storage.Suggestions.AddAsync(new NewSuggestion(channel.Id, StoreScenario.User("mina"), draft, StoreScenario.T0), default);
        await using var other = new PostgresDatabase(_storage.ConnectionString);
        var otherSuggestions = new PostgresSuggestionStore(other);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => i % 2 == 0
            ? _storage.Suggestions.DecideAsync(id, SuggestionStatus.Approved, StoreScenario.User($"here{i}"), StoreScenario.T0, default)
            : otherSuggestions.DecideAsync(id, SuggestionStatus.Rejected, StoreScenario.User($"there{i}"), StoreScenario.T0, default))));

        var winner = Assert.Single(decisions, d => d.Decided);
        Assert.All(decisions, d => Assert.Equal((winner.Current!.Status, winner.Current.ReviewedBy), (d.Current!.Status, d.Current.ReviewedBy)));
        Assert.Equal(winner.Current!.Status, (await otherSuggestions.FindAsync(id, default))!.Status);
    }

    [Fact]
    public async Task Channel_reports_show_a_post_closed_and_a_name_changed_on_another_node()
    {
        var channel = await _store.ChannelAsync();
        var ann = await _store.UserAsync("ann");
        var day = DateOnly.FromDateTime(StoreScenario.T0.UtcDateTime);
        var day0 = await _store.PostAsync(channel.Id, day, StoreScenario.T0);
        var day1 = await _store.PostAsync(channel.Id, day.AddDays(1), StoreScenario.T0.AddDays(1), question: "q2");
        await _store.AnswerAsync(day0, ann, true, StoreScenario.T0.AddMinutes(1));
        await _store.Posts.CloseAsync(day0.Id, day0.ClosesAt, default);
        var reports = _storage.Reports;
        Assert.Equal(new StreakRow(ann, "ann", 1, 1), (await reports.StreakLeadersAsync(channel.Id, 10, default)).Single());
        Assert.Single(await reports.DailyActivityAsync(channel.Id, day, day.AddDays(6), default));

        // The other node records a renamed answer and closes the next post; this node hears nothing of it.
        await using var other = new PostgresDatabase(_storage.ConnectionString);
        var otherPosts = new PostgresPostStore(other);
        await otherPosts.RecordAnswerAsync(new NewAnswer(day1.Id, channel.Id, StoreScenario.User("ann") with { DisplayName = "Ann Kim" }, "topic", "0", true, StoreScenario.T0.AddDays(1).AddMinutes(1)), default);
        await otherPosts.CloseAsync(day1.Id, day1.ClosesAt, default);

        Assert.Equal(new StreakRow(ann, "Ann Kim", 2, 2), (await reports.StreakLeadersAsync(channel.Id, 10, default)).Single());
        Assert.Equal(2, (await reports.DailyActivityAsync(channel.Id, day, day.AddDays(6), default)).Count);
        Assert.Equal(2, (await reports.TopicAccuracyAsync(channel.Id, default)).Single().Answered);
        Assert.Equal(2, await reports.AnswerCountAsync(channel.Id, StoreScenario.T0, StoreScenario.T0.AddDays(7), default));
    }

    [Fact]
    public async Task Boards_and_stats_show_a_post_closed_and_a_name_changed_on_another_node()
    {
        var channel = await _store.ChannelAsync();
        var ann = await _store.UserAsync("ann");
        var day = DateOnly.FromDateTime(StoreScenario.T0.UtcDateTime);
        var day0 = await _store.PostAsync(channel.Id, day, StoreScenario.T0);
        var day1 = await _store.PostAsync(channel.Id, day.AddDays(1), StoreScenario.T0.AddDays(1), question: "q2");
        await _store.AnswerAsync(day0, ann, true, StoreScenario.T0.AddMinutes(1));
        await _store.Posts.CloseAsync(day0.Id, day0.ClosesAt, default);
        var (from, to) = (StoreScenario.T0, StoreScenario.T0.AddDays(7));
        var stats = _storage.Stats;
        // Read twice: the second read is the one served from memory, which the other node's writes must drop.
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(new LeaderboardRow(ann, "ann", 10, 1, 1), (await stats.LeaderboardAsync(channel.Id, from, to, 10, default)).Single());
            Assert.Equal(new LeaderboardRow(ann, "ann", 10, 1, 1), (await stats.LeaderboardAsync(channel.Id, null, null, 10, default)).Single());
            var before = await stats.UserStatsAsync(channel.Id, ann, default);
            Assert.Equal((1, 1, 1, 1), (before.Answered, before.Correct, before.CurrentStreak, before.BestStreak));
            Assert.Equal(1, (await stats.TopicAccuracyAsync(ann, default)).Single().Answered);
        }

        // The other node records a renamed answer and closes the next post; this node hears nothing of it.
        await using var other = new PostgresDatabase(_storage.ConnectionString);
        var otherPosts = new PostgresPostStore(other);
        await otherPosts.RecordAnswerAsync(new NewAnswer(day1.Id, channel.Id, StoreScenario.User("ann") with { DisplayName = "Ann Kim" }, "topic", "0", true, StoreScenario.T0.AddDays(1).AddMinutes(1)), default);
        await otherPosts.CloseAsync(day1.Id, day1.ClosesAt, default);

        var weekly = (await stats.LeaderboardAsync(channel.Id, from, to, 10, default)).Single();
        Assert.Equal(("Ann Kim", 22, 2, 2), (weekly.DisplayName, weekly.Points, weekly.Correct, weekly.Answered));
        var allTime = (await stats.LeaderboardAsync(channel.Id, null, null, 10, default)).Single();
        Assert.Equal(("Ann Kim", 2, 2, weekly.Points), (allTime.DisplayName, allTime.Correct, allTime.Answered, allTime.Points));
        var after = await stats.UserStatsAsync(channel.Id, ann, default);
        Assert.Equal((2, 2, weekly.Points, 2, 2), (after.Answered, after.Correct, after.Points, after.CurrentStreak, after.BestStreak));
        Assert.Equal(new TopicAccuracy("topic", 2, 2), after.Topics.Single());
        Assert.Equal(new TopicAccuracy("topic", 2, 2), (await stats.TopicAccuracyAsync(ann, default)).Single());
    }

    [Fact]
    public async Task A_rename_on_another_node_shows_on_a_kept_board_without_a_close()
    {
        var channel = await _store.ChannelAsync();
        var ann = await _store.UserAsync("ann");
        var post = await _store.PostAsync(channel.Id, DateOnly.FromDateTime(StoreScenario.T0.UtcDateTime), StoreScenario.T0);
        await _store.AnswerAsync(post, ann, true, StoreScenario.T0.AddMinutes(1));
        await _store.Posts.CloseAsync(post.Id, post.ClosesAt, default);
        Assert.Equal("ann", (await _storage.Stats.LeaderboardAsync(channel.Id, null, null, 10, default)).Single().DisplayName);

        await using var other = new PostgresDatabase(_storage.ConnectionString);
        await new PostgresUserStore(other).GetOrAddAsync(StoreScenario.User("ann") with { DisplayName = "Ann Kim" }, default);

        Assert.Equal("Ann Kim", (await _storage.Stats.LeaderboardAsync(channel.Id, null, null, 10, default)).Single().DisplayName);
    }

    [Fact]
    public async Task The_same_members_answering_on_two_nodes_at_once_are_recorded_once_each_with_one_card_each()
    {
        var channel = await _store.ChannelAsync();
        var post = await _store.PostAsync(channel.Id, DateOnly.FromDateTime(StoreScenario.T0.UtcDateTime), StoreScenario.T0);
        await using var other = new PostgresDatabase(_storage.ConnectionString);
        var nodes = new IPostStore[] { _storage.Posts, new PostgresPostStore(other) };
        var review = new CardReview("pack", "q1", "topic", Rating.Good, ReviewSource.Daily, StoreScenario.T0.AddMinutes(1), AnswerGroupCommitTests.Reviewed);
        const int members = 300;

        // Each member clicks on both nodes; the nodes' batches overlap and lock the same users, answers and cards.
        var clicks = Enumerable.Range(0, members * 2).Select(i => Task.Run(() => nodes[i % 2].RecordAnswerAsync(
            new NewAnswer(post.Id, channel.Id, StoreScenario.User($"m{(i % 2 == 0 ? i / 2 : members - 1 - i / 2)}"), "topic", "0", true,
                StoreScenario.T0.AddMinutes(1), review), default))).ToList();
        var outcomes = await Task.WhenAll(clicks);

        Assert.Equal(members, outcomes.Count(o => o == AnswerOutcome.Recorded));
        Assert.Equal(members, outcomes.Count(o => o == AnswerOutcome.AlreadyAnswered));
        await using var connection = await _storage.Database.OpenAsync(default);
        Assert.Equal(members, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM answers WHERE post_id = @Id", post));
        Assert.Equal(members, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE external_id LIKE 'm%'"));
        Assert.Equal(members, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM review_cards WHERE reps = 1"));
        Assert.Equal(members, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM review_log"));
    }

    [Fact]
    public async Task A_post_closed_on_another_node_during_a_burst_counts_every_answer_recorded_before_it_and_no_other()
    {
        var channel = await _store.ChannelAsync();
        var post = await _store.PostAsync(channel.Id, DateOnly.FromDateTime(StoreScenario.T0.UtcDateTime), StoreScenario.T0);
        await using var other = new PostgresDatabase(_storage.ConnectionString);
        var otherPosts = new PostgresPostStore(other);

        var burst = Enumerable.Range(0, 400).Select(i => Task.Run(() => _storage.Posts.RecordAnswerAsync(
            new NewAnswer(post.Id, channel.Id, StoreScenario.User($"b{i}"), "topic", "0", true, StoreScenario.T0.AddMinutes(1)), default))).ToList();
        await Task.WhenAny(burst);
        Assert.True(await otherPosts.CloseAsync(post.Id, StoreScenario.T0.AddMinutes(2), default));
        var outcomes = await Task.WhenAll(burst);

        Assert.All(outcomes, o => Assert.True(o is AnswerOutcome.Recorded or AnswerOutcome.Closed, o.ToString()));
        var recorded = outcomes.Count(o => o == AnswerOutcome.Recorded);
        await using var connection = await _storage.Database.OpenAsync(default);
        Assert.Equal(recorded, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM answers WHERE post_id = @Id", post));
        Assert.Equal(recorded, await connection.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(answered), 0) FROM board_totals WHERE channel_id = @ChannelId", post));
    }
}
