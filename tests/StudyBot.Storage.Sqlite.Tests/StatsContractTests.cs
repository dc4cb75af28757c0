using StudyBot.Core.Storage;
using StudyBot.Core.Study;

namespace StudyBot.Storage.Sqlite.Tests;

public sealed class StatsContractTests : IDisposable
{
    private readonly StoreFixture _store = new();
    private static readonly DateTimeOffset T0 = StoreFixture.T0;
    private static readonly DateOnly Day = DateOnly.FromDateTime(T0.UtcDateTime);

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Leaderboard_orders_by_points_then_correct_answers_then_name()
    {
        var channel = await _store.ChannelAsync();
        var day1 = await _store.PostAsync(channel.Id, Day, T0);
        var day2 = await _store.PostAsync(channel.Id, Day.AddDays(1), T0.AddDays(1));
        var (ann, ben, cat, dan) = (await _store.UserAsync("ann"), await _store.UserAsync("ben"), await _store.UserAsync("cat"), await _store.UserAsync("dan"));
        await _store.AnswerAsync(day1, ann, true, T0.AddMinutes(1));
        await _store.AnswerAsync(day2, ann, true, T0.AddDays(1).AddMinutes(1));
        await _store.AnswerAsync(day1, ben, true, T0.AddMinutes(2));
        await _store.AnswerAsync(day2, ben, false, T0.AddDays(1).AddMinutes(2));
        await _store.AnswerAsync(day1, cat, true, T0.AddMinutes(3));
        await _store.AnswerAsync(day1, dan, false, T0.AddMinutes(4));
        await _store.Posts.CloseAsync(day1.Id, T0.AddHours(12), default);
        await _store.Posts.CloseAsync(day2.Id, T0.AddDays(1).AddHours(12), default);

        var board = await _store.Stats.LeaderboardAsync(channel.Id, null, null, 10, default);

        Assert.Equal(["ann", "ben", "cat", "dan"], board.Select(r => r.DisplayName));
        Assert.Equal([22, 10, 10, 0], board.Select(r => r.Points));
        Assert.Equal([1, 2, 2, 4], Core.Scoring.Leaderboard.Rank(board).Select(r => r.Rank));
    }

    [Fact]
    public async Task Answers_to_open_questions_do_not_count_yet()
    {
        var channel = await _store.ChannelAsync();
        var post = await _store.PostAsync(channel.Id, Day, T0);
        await _store.AnswerAsync(post, await _store.UserAsync("ann"), true, T0.AddMinutes(1));

        Assert.Empty(await _store.Stats.LeaderboardAsync(channel.Id, null, null, 10, default));
        await _store.Posts.CloseAsync(post.Id, T0.AddHours(1), default);
        Assert.Single(await _store.Stats.LeaderboardAsync(channel.Id, null, null, 10, default));
    }

    [Fact]
    public async Task A_weekly_board_read_again_shows_answers_once_their_post_closes_and_only_in_that_channel()
    {
        var channel = await _store.ChannelAsync();
        var other = await _store.ChannelAsync("c2");
        var (from, to) = (T0, T0.AddDays(7));
        var monday = await _store.PostAsync(channel.Id, Day, T0);
        var tuesday = await _store.PostAsync(channel.Id, Day.AddDays(1), T0.AddDays(1));
        var elsewhere = await _store.PostAsync(other.Id, Day, T0);
        await _store.AnswerAsync(monday, await _store.UserAsync("ann"), true, T0.AddMinutes(1));
        await _store.AnswerAsync(elsewhere, await _store.UserAsync("eve"), true, T0.AddMinutes(1));
        await _store.Posts.CloseAsync(monday.Id, T0.AddHours(12), default);
        await _store.Posts.CloseAsync(elsewhere.Id, T0.AddHours(12), default);
        Assert.Equal(["ann"], (await _store.Stats.LeaderboardAsync(channel.Id, from, to, 10, default)).Select(r => r.DisplayName));
        Assert.Equal(["eve"], (await _store.Stats.LeaderboardAsync(other.Id, from, to, 10, default)).Select(r => r.DisplayName));

        await _store.AnswerAsync(tuesday, await _store.UserAsync("ben"), true, T0.AddDays(1).AddMinutes(1));
        await _store.AnswerAsync(tuesday, await _store.UserAsync("cat"), true, T0.AddDays(1).AddMinutes(2));
        Assert.Equal(["ann"], (await _store.Stats.LeaderboardAsync(channel.Id, from, to, 10, default)).Select(r => r.DisplayName));

        await _store.Posts.CloseAsync(tuesday.Id, T0.AddDays(1).AddHours(12), default);
        Assert.Equal(["ann", "ben", "cat"], (await _store.Stats.LeaderboardAsync(channel.Id, from, to, 10, default)).Select(r => r.DisplayName));
        Assert.Equal(["ann", "ben"], (await _store.Stats.LeaderboardAsync(channel.Id, from, to, 2, default)).Select(r => r.DisplayName));
    }

    [Fact]
    public async Task A_weekly_board_shows_a_members_new_display_name()
    {
        var channel = await _store.ChannelAsync();
        var (from, to) = (T0, T0.AddDays(7));
        var monday = await _store.PostAsync(channel.Id, Day, T0);
        var tuesday = await _store.PostAsync(channel.Id, Day.AddDays(1), T0.AddDays(1));
        await _store.AnswerAsync(monday, await _store.UserAsync("ann"), true, T0.AddMinutes(1));
        await _store.Posts.CloseAsync(monday.Id, T0.AddHours(12), default);
        Assert.Equal(["ann"], (await _store.Stats.LeaderboardAsync(channel.Id, from, to, 10, default)).Select(r => r.DisplayName));

        await _store.Posts.RecordAnswerAsync(new NewAnswer(tuesday.Id, channel.Id, StoreFixture.User("ann") with { DisplayName = "Ann Kim" }, "topic", "0", true, T0.AddDays(1)), default);

        Assert.Equal(["Ann Kim"], (await _store.Stats.LeaderboardAsync(channel.Id, from, to, 10, default)).Select(r => r.DisplayName));
    }

    [Fact]
    public async Task Week_boundaries_follow_the_channel_time_zone()
    {
        var channel = await _store.ChannelAsync(zone: "Asia/Seoul");
        Assert.True(TimeZones.TryFind("Asia/Seoul", out var seoul));
        // Sunday 23:30 and Monday 00:30 in Seoul: one hour apart, different weeks there (both Sunday in UTC).
        var sundayNight = new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.FromHours(9));
        var mondayMorning = sundayNight.AddHours(1);
        var sundayPost = await _store.PostAsync(channel.Id, new DateOnly(2026, 11, 22), sundayNight.AddHours(-1));
        var mondayPost = await _store.PostAsync(channel.Id, new DateOnly(2026, 11, 23), mondayMorning.AddMinutes(-10));
        await _store.AnswerAsync(sundayPost, await _store.UserAsync("sun"), true, sundayNight);
        await _store.AnswerAsync(mondayPost, await _store.UserAsync("mon"), true, mondayMorning);
        await _store.Posts.CloseAsync(sundayPost.Id, mondayMorning, default);
        await _store.Posts.CloseAsync(mondayPost.Id, mondayMorning.AddHours(1), default);

        var (lastStart, lastEnd) = TimeZones.WeekOf(sundayNight, seoul);
        var (thisStart, thisEnd) = TimeZones.WeekOf(mondayMorning, seoul);
        Assert.Equal(["sun"], (await _store.Stats.LeaderboardAsync(channel.Id, lastStart, lastEnd, 10, default)).Select(r => r.DisplayName));
        Assert.Equal(["mon"], (await _store.Stats.LeaderboardAsync(channel.Id, thisStart, thisEnd, 10, default)).Select(r => r.DisplayName));
    }

    [Fact]
    public async Task Leaderboards_are_per_channel_and_limited()
    {
        var one = await _store.ChannelAsync("one");
        var two = await _store.ChannelAsync("two");
        var postOne = await _store.PostAsync(one.Id, Day, T0);
        var postTwo = await _store.PostAsync(two.Id, Day, T0);
        for (var i = 0; i < 5; i++) await _store.AnswerAsync(postOne, await _store.UserAsync($"u{i}"), true, T0.AddMinutes(i));
        await _store.AnswerAsync(postTwo, await _store.UserAsync("other"), true, T0);
        await _store.Posts.CloseAsync(postOne.Id, T0.AddHours(1), default);
        await _store.Posts.CloseAsync(postTwo.Id, T0.AddHours(1), default);

        Assert.Equal(3, (await _store.Stats.LeaderboardAsync(one.Id, null, null, 3, default)).Count);
        Assert.Equal(["other"], (await _store.Stats.LeaderboardAsync(two.Id, null, null, 10, default)).Select(r => r.DisplayName));
    }

    [Fact]
    public async Task User_stats_report_accuracy_streaks_and_topics_including_practice()
    {
        var channel = await _store.ChannelAsync();
        var gil = await _store.UserAsync("gil");
        var day1 = await _store.PostAsync(channel.Id, Day, T0);
        var day2 = await _store.PostAsync(channel.Id, Day.AddDays(1), T0.AddDays(1));
        var day3 = await _store.PostAsync(channel.Id, Day.AddDays(2), T0.AddDays(2));
        await _store.AnswerAsync(day1, gil, true, T0.AddMinutes(1));
        await _store.AnswerAsync(day2, gil, true, T0.AddDays(1).AddMinutes(1));
        await _store.AnswerAsync(day3, gil, false, T0.AddDays(2).AddMinutes(1));
        foreach (var post in new[] { day1, day2, day3 }) await _store.Posts.CloseAsync(post.Id, post.ClosesAt, default);
        await _store.Practice.RecordAsync(gil, "x", "weak-topic", false, T0, default);

        var stats = await _store.Stats.UserStatsAsync(channel.Id, gil, default);

        Assert.Equal((3, 2, 22), (stats.Answered, stats.Correct, stats.Points));
        Assert.Equal((0, 2), (stats.CurrentStreak, stats.BestStreak));
        Assert.Contains(stats.Topics, t => t.TopicId == "weak-topic" && t.Answered == 1 && t.Correct == 0);
        Assert.Contains(stats.Topics, t => t.TopicId == "topic" && t.Answered == 3 && t.Correct == 2);
    }
}
