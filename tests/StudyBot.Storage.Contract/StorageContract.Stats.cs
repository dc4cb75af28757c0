using StudyBot.Core.Storage;
using StudyBot.Core.Study;

namespace StudyBot.Storage.Contract;

/// <summary>Leaderboards and stats (<see cref="Core.Storage.IStatsQueries"/>, <see cref="Core.Storage.IPracticeStore"/>).</summary>
public abstract partial class StorageContract
{
    [Fact]
    public async Task Leaderboard_orders_by_points_then_correct_answers_then_name()
    {
        var channel = await Store.ChannelAsync();
        var day1 = await Store.PostAsync(channel.Id, Day, T0);
        var day2 = await Store.PostAsync(channel.Id, Day.AddDays(1), T0.AddDays(1));
        var (ann, ben, cat, dan) = (await Store.UserAsync("ann"), await Store.UserAsync("ben"), await Store.UserAsync("cat"), await Store.UserAsync("dan"));
        await Store.AnswerAsync(day1, ann, true, T0.AddMinutes(1));
        await Store.AnswerAsync(day2, ann, true, T0.AddDays(1).AddMinutes(1));
        await Store.AnswerAsync(day1, ben, true, T0.AddMinutes(2));
        await Store.AnswerAsync(day2, ben, false, T0.AddDays(1).AddMinutes(2));
        await Store.AnswerAsync(day1, cat, true, T0.AddMinutes(3));
        await Store.AnswerAsync(day1, dan, false, T0.AddMinutes(4));
        await Store.Posts.CloseAsync(day1.Id, T0.AddHours(12), default);
        await Store.Posts.CloseAsync(day2.Id, T0.AddDays(1).AddHours(12), default);

        var board = await Store.Stats.LeaderboardAsync(channel.Id, null, null, 10, default);

        Assert.Equal(["ann", "ben", "cat", "dan"], board.Select(r => r.DisplayName));
        Assert.Equal([22, 10, 10, 0], board.Select(r => r.Points));
        Assert.Equal([1, 2, 2, 4], Core.Scoring.Leaderboard.Rank(board).Select(r => r.Rank));
    }

    [Fact]
    public async Task Answers_to_open_questions_do_not_count_yet()
    {
        var channel = await Store.ChannelAsync();
        var post = await Store.PostAsync(channel.Id, Day, T0);
        await Store.AnswerAsync(post, await Store.UserAsync("ann"), true, T0.AddMinutes(1));

        Assert.Empty(await Store.Stats.LeaderboardAsync(channel.Id, null, null, 10, default));
        await Store.Posts.CloseAsync(post.Id, T0.AddHours(1), default);
        Assert.Single(await Store.Stats.LeaderboardAsync(channel.Id, null, null, 10, default));
    }

    [Fact]
    public async Task A_weekly_board_read_again_shows_answers_once_their_post_closes_and_only_in_that_channel()
    {
        var channel = await Store.ChannelAsync();
        var other = await Store.ChannelAsync("c2");
        var (from, to) = (T0, T0.AddDays(7));
        var monday = await Store.PostAsync(channel.Id, Day, T0);
        var tuesday = await Store.PostAsync(channel.Id, Day.AddDays(1), T0.AddDays(1));
        var elsewhere = await Store.PostAsync(other.Id, Day, T0);
        await Store.AnswerAsync(monday, await Store.UserAsync("ann"), true, T0.AddMinutes(1));
        await Store.AnswerAsync(elsewhere, await Store.UserAsync("eve"), true, T0.AddMinutes(1));
        await Store.Posts.CloseAsync(monday.Id, T0.AddHours(12), default);
        await Store.Posts.CloseAsync(elsewhere.Id, T0.AddHours(12), default);
        Assert.Equal(["ann"], (await Store.Stats.LeaderboardAsync(channel.Id, from, to, 10, default)).Select(r => r.DisplayName));
        Assert.Equal(["eve"], (await Store.Stats.LeaderboardAsync(other.Id, from, to, 10, default)).Select(r => r.DisplayName));

        await Store.AnswerAsync(tuesday, await Store.UserAsync("ben"), true, T0.AddDays(1).AddMinutes(1));
        await Store.AnswerAsync(tuesday, await Store.UserAsync("cat"), true, T0.AddDays(1).AddMinutes(2));
        Assert.Equal(["ann"], (await Store.Stats.LeaderboardAsync(channel.Id, from, to, 10, default)).Select(r => r.DisplayName));

        await Store.Posts.CloseAsync(tuesday.Id, T0.AddDays(1).AddHours(12), default);
        Assert.Equal(["ann", "ben", "cat"], (await Store.Stats.LeaderboardAsync(channel.Id, from, to, 10, default)).Select(r => r.DisplayName));
        Assert.Equal(["ann", "ben"], (await Store.Stats.LeaderboardAsync(channel.Id, from, to, 2, default)).Select(r => r.DisplayName));
    }

    [Fact]
    public async Task A_weekly_board_shows_a_members_new_display_name()
    {
        var channel = await Store.ChannelAsync();
        var (from, to) = (T0, T0.AddDays(7));
        var monday = await Store.PostAsync(channel.Id, Day, T0);
        var tuesday = await Store.PostAsync(channel.Id, Day.AddDays(1), T0.AddDays(1));
        await Store.AnswerAsync(monday, await Store.UserAsync("ann"), true, T0.AddMinutes(1));
        await Store.Posts.CloseAsync(monday.Id, T0.AddHours(12), default);
        Assert.Equal(["ann"], (await Store.Stats.LeaderboardAsync(channel.Id, from, to, 10, default)).Select(r => r.DisplayName));

        await Store.Posts.RecordAnswerAsync(new NewAnswer(tuesday.Id, channel.Id, StoreScenario.User("ann") with { DisplayName = "Ann Kim" }, "topic", "0", true, T0.AddDays(1)), default);

        Assert.Equal(["Ann Kim"], (await Store.Stats.LeaderboardAsync(channel.Id, from, to, 10, default)).Select(r => r.DisplayName));
    }

    [Fact]
    public async Task Week_boundaries_follow_the_channel_time_zone()
    {
        var channel = await Store.ChannelAsync(zone: "Asia/Seoul");
        Assert.True(TimeZones.TryFind("Asia/Seoul", out var seoul));
        // Sunday 23:30 and Monday 00:30 in Seoul: one hour apart, different weeks there (both Sunday in UTC).
        var sundayNight = new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.FromHours(9));
        var mondayMorning = sundayNight.AddHours(1);
        var sundayPost = await Store.PostAsync(channel.Id, new DateOnly(2026, 11, 22), sundayNight.AddHours(-1));
        var mondayPost = await Store.PostAsync(channel.Id, new DateOnly(2026, 11, 23), mondayMorning.AddMinutes(-10));
        await Store.AnswerAsync(sundayPost, await Store.UserAsync("sun"), true, sundayNight);
        await Store.AnswerAsync(mondayPost, await Store.UserAsync("mon"), true, mondayMorning);
        await Store.Posts.CloseAsync(sundayPost.Id, mondayMorning, default);
        await Store.Posts.CloseAsync(mondayPost.Id, mondayMorning.AddHours(1), default);

        var (lastStart, lastEnd) = TimeZones.WeekOf(sundayNight, seoul);
        var (thisStart, thisEnd) = TimeZones.WeekOf(mondayMorning, seoul);
        Assert.Equal(["sun"], (await Store.Stats.LeaderboardAsync(channel.Id, lastStart, lastEnd, 10, default)).Select(r => r.DisplayName));
        Assert.Equal(["mon"], (await Store.Stats.LeaderboardAsync(channel.Id, thisStart, thisEnd, 10, default)).Select(r => r.DisplayName));
    }

    [Fact]
    public async Task Leaderboards_are_per_channel_and_limited()
    {
        var one = await Store.ChannelAsync("one");
        var two = await Store.ChannelAsync("two");
        var postOne = await Store.PostAsync(one.Id, Day, T0);
        var postTwo = await Store.PostAsync(two.Id, Day, T0);
        for (var i = 0; i < 5; i++) await Store.AnswerAsync(postOne, await Store.UserAsync($"u{i}"), true, T0.AddMinutes(i));
        await Store.AnswerAsync(postTwo, await Store.UserAsync("other"), true, T0);
        await Store.Posts.CloseAsync(postOne.Id, T0.AddHours(1), default);
        await Store.Posts.CloseAsync(postTwo.Id, T0.AddHours(1), default);

        Assert.Equal(3, (await Store.Stats.LeaderboardAsync(one.Id, null, null, 3, default)).Count);
        Assert.Equal(["other"], (await Store.Stats.LeaderboardAsync(two.Id, null, null, 10, default)).Select(r => r.DisplayName));
    }

    [Fact]
    public async Task User_stats_report_accuracy_streaks_and_topics_including_practice()
    {
        var channel = await Store.ChannelAsync();
        var gil = await Store.UserAsync("gil");
        var day1 = await Store.PostAsync(channel.Id, Day, T0);
        var day2 = await Store.PostAsync(channel.Id, Day.AddDays(1), T0.AddDays(1));
        var day3 = await Store.PostAsync(channel.Id, Day.AddDays(2), T0.AddDays(2));
        await Store.AnswerAsync(day1, gil, true, T0.AddMinutes(1));
        await Store.AnswerAsync(day2, gil, true, T0.AddDays(1).AddMinutes(1));
        await Store.AnswerAsync(day3, gil, false, T0.AddDays(2).AddMinutes(1));
        foreach (var post in new[] { day1, day2, day3 }) await Store.Posts.CloseAsync(post.Id, post.ClosesAt, default);
        await Store.Practice.RecordAsync(gil, "x", "weak-topic", false, T0, null, default);

        var stats = await Store.Stats.UserStatsAsync(channel.Id, gil, default);

        Assert.Equal((3, 2, 22), (stats.Answered, stats.Correct, stats.Points));
        Assert.Equal((0, 2), (stats.CurrentStreak, stats.BestStreak));
        Assert.Contains(stats.Topics, t => t.TopicId == "weak-topic" && t.Answered == 1 && t.Correct == 0);
        Assert.Contains(stats.Topics, t => t.TopicId == "topic" && t.Answered == 3 && t.Correct == 2);
    }

    [Fact]
    public async Task User_stats_read_again_show_a_new_close_and_new_practice()
    {
        var channel = await Store.ChannelAsync();
        var gil = await Store.UserAsync("gil");
        var day1 = await Store.PostAsync(channel.Id, Day, T0);
        var day2 = await Store.PostAsync(channel.Id, Day.AddDays(1), T0.AddDays(1));
        await Store.AnswerAsync(day1, gil, true, T0.AddMinutes(1));
        await Store.AnswerAsync(day2, gil, true, T0.AddDays(1).AddMinutes(1));
        await Store.Posts.CloseAsync(day1.Id, day1.ClosesAt, default);
        // Twice: the second read may come from memory, and what follows must still show.
        await Store.Stats.UserStatsAsync(channel.Id, gil, default);
        var first = await Store.Stats.UserStatsAsync(channel.Id, gil, default);
        Assert.Equal((1, 1, 1), (first.Answered, first.CurrentStreak, first.Topics.Single().Answered));

        await Store.Posts.CloseAsync(day2.Id, day2.ClosesAt, default);
        await Store.Practice.RecordAsync(gil, "x", "a-topic", true, T0.AddDays(2), null, default);

        var second = await Store.Stats.UserStatsAsync(channel.Id, gil, default);
        Assert.Equal((2, 2, 2), (second.Answered, second.CurrentStreak, second.BestStreak));
        Assert.Equal([new TopicAccuracy("a-topic", 1, 1), new TopicAccuracy("topic", 2, 2)], second.Topics);
        Assert.Equal(second.Topics, await Store.Stats.TopicAccuracyAsync(gil, default));
    }
}
