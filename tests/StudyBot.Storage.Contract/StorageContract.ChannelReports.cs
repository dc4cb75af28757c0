using StudyBot.Core.Storage;

namespace StudyBot.Storage.Contract;

/// <summary>The group pages' reads (<see cref="IChannelReportQueries"/>): closed daily answers, per channel.</summary>
public abstract partial class StorageContract
{
    [Fact]
    public async Task The_channel_list_has_every_channel_with_its_members_from_closed_posts()
    {
        var (c1, c2) = (await Store.ChannelAsync(), await Store.ChannelAsync("c2", "Asia/Seoul"));
        var closed = await Store.PostAsync(c1.Id, Day, T0);
        var open = await Store.PostAsync(c1.Id, Day.AddDays(1), T0.AddDays(1));
        await Store.AnswerAsync(closed, await Store.UserAsync("ann"), true, T0.AddMinutes(1));
        await Store.AnswerAsync(closed, await Store.UserAsync("ben"), false, T0.AddMinutes(2));
        await Store.AnswerAsync(open, await Store.UserAsync("cat"), true, T0.AddDays(1).AddMinutes(1));
        await Store.Posts.CloseAsync(closed.Id, closed.ClosesAt, default);

        var channels = await Store.Reports.ChannelsAsync(default);

        Assert.Equal([c1.Id, c2.Id], channels.Select(c => c.Settings.Id));
        Assert.Equal([2, 0], channels.Select(c => c.Members));
        Assert.Equal(c2, channels[1].Settings);
        Assert.Equal("Asia/Seoul", channels[1].Settings.TimeZoneId);
    }

    [Fact]
    public async Task Answer_count_takes_the_channels_closed_answers_in_the_range()
    {
        var (c1, c2) = (await Store.ChannelAsync(), await Store.ChannelAsync("c2"));
        var (ann, ben) = (await Store.UserAsync("ann"), await Store.UserAsync("ben"));
        var monday = await Store.PostAsync(c1.Id, Day, T0);
        var lastWeek = await Store.PostAsync(c1.Id, Day.AddDays(-7), T0.AddDays(-7));
        var tuesday = await Store.PostAsync(c1.Id, Day.AddDays(1), T0.AddDays(1));
        var elsewhere = await Store.PostAsync(c2.Id, Day, T0);
        await Store.AnswerAsync(monday, ann, true, T0.AddMinutes(1));
        await Store.AnswerAsync(monday, ben, false, T0.AddMinutes(2));
        await Store.AnswerAsync(lastWeek, ann, true, T0.AddDays(-7).AddMinutes(1));
        await Store.AnswerAsync(tuesday, ann, true, T0.AddDays(1).AddMinutes(1));
        await Store.AnswerAsync(elsewhere, ann, true, T0.AddMinutes(1));
        foreach (var post in new[] { monday, lastWeek, elsewhere }) await Store.Posts.CloseAsync(post.Id, post.ClosesAt, default);

        Assert.Equal(2, await Store.Reports.AnswerCountAsync(c1.Id, T0, T0.AddDays(7), default));
        Assert.Equal(3, await Store.Reports.AnswerCountAsync(c1.Id, T0.AddDays(-7), T0.AddDays(7), default));
        Assert.Equal(1, await Store.Reports.AnswerCountAsync(c2.Id, T0, T0.AddDays(7), default));
        await Store.Posts.CloseAsync(tuesday.Id, tuesday.ClosesAt, default);
        Assert.Equal(3, await Store.Reports.AnswerCountAsync(c1.Id, T0, T0.AddDays(7), default));
    }

    [Fact]
    public async Task Daily_activity_counts_answers_and_correct_ones_per_post_day_within_the_range()
    {
        var (channel, other) = (await Store.ChannelAsync(), await Store.ChannelAsync("c2"));
        var (ann, ben, cat) = (await Store.UserAsync("ann"), await Store.UserAsync("ben"), await Store.UserAsync("cat"));
        var before = await Store.PostAsync(channel.Id, Day.AddDays(-1), T0.AddDays(-1));
        var day0 = await Store.PostAsync(channel.Id, Day, T0);
        var quiet = await Store.PostAsync(channel.Id, Day.AddDays(1), T0.AddDays(1));
        var day2 = await Store.PostAsync(channel.Id, Day.AddDays(2), T0.AddDays(2));
        var open = await Store.PostAsync(channel.Id, Day.AddDays(3), T0.AddDays(3));
        var elsewhere = await Store.PostAsync(other.Id, Day, T0);
        await Store.AnswerAsync(before, ann, true, T0.AddDays(-1).AddMinutes(1));
        await Store.AnswerAsync(day0, ann, true, T0.AddMinutes(1));
        await Store.AnswerAsync(day0, ben, true, T0.AddMinutes(2));
        await Store.AnswerAsync(day0, cat, false, T0.AddMinutes(3));
        await Store.AnswerAsync(day2, ann, false, T0.AddDays(2).AddMinutes(1));
        await Store.AnswerAsync(open, ann, true, T0.AddDays(3).AddMinutes(1));
        await Store.AnswerAsync(elsewhere, ben, true, T0.AddMinutes(1));
        foreach (var post in new[] { before, day0, quiet, day2, elsewhere }) await Store.Posts.CloseAsync(post.Id, post.ClosesAt, default);

        var days = await Store.Reports.DailyActivityAsync(channel.Id, Day, Day.AddDays(3), default);

        Assert.Equal([new DailyActivity(Day, 3, 2), new DailyActivity(Day.AddDays(2), 1, 0)], days);
    }

    [Fact]
    public async Task Topic_accuracy_is_the_whole_channels_on_closed_posts()
    {
        var (channel, other) = (await Store.ChannelAsync(), await Store.ChannelAsync("c2"));
        var (ann, ben) = (await Store.UserAsync("ann"), await Store.UserAsync("ben"));
        var day0 = await Store.PostAsync(channel.Id, Day, T0);
        var day1 = await Store.PostAsync(channel.Id, Day.AddDays(1), T0.AddDays(1), question: "q2");
        var open = await Store.PostAsync(channel.Id, Day.AddDays(2), T0.AddDays(2), question: "q3");
        var elsewhere = await Store.PostAsync(other.Id, Day, T0);
        await Store.AnswerAsync(day0, ann, true, T0.AddMinutes(1), topic: "ebs");
        await Store.AnswerAsync(day0, ben, false, T0.AddMinutes(2), topic: "ebs");
        await Store.AnswerAsync(day1, ann, true, T0.AddDays(1).AddMinutes(1), topic: "s3");
        await Store.AnswerAsync(open, ann, false, T0.AddDays(2).AddMinutes(1), topic: "s3");
        await Store.AnswerAsync(elsewhere, ann, false, T0.AddMinutes(1), topic: "iam");
        foreach (var post in new[] { day0, day1, elsewhere }) await Store.Posts.CloseAsync(post.Id, post.ClosesAt, default);
        await Store.Practice.RecordAsync(ann, "q9", "ebs", false, T0, null, default);

        var topics = await Store.Reports.TopicAccuracyAsync(channel.Id, default);

        Assert.Equal([new TopicAccuracy("ebs", 2, 1), new TopicAccuracy("s3", 1, 1)], topics);
    }

    [Fact]
    public async Task Streak_leaders_rank_by_the_streak_on_the_latest_closed_post_then_the_best()
    {
        var channel = await Store.ChannelAsync();
        var (ann, ben, cat, dan) = (await Store.UserAsync("ann"), await Store.UserAsync("ben"), await Store.UserAsync("cat"), await Store.UserAsync("dan"));
        var days = new List<Post>();
        for (var d = 0; d < 4; d++) days.Add(await Store.PostAsync(channel.Id, Day.AddDays(d), T0.AddDays(d), question: $"q{d}"));
        async Task Answer(int day, long user, bool correct) => await Store.AnswerAsync(days[day], user, correct, T0.AddDays(day).AddMinutes(1));
        await Answer(0, ann, true);
        await Answer(1, ann, true);
        await Answer(2, ann, true);
        await Answer(0, ben, true);
        await Answer(1, ben, true);
        await Answer(2, ben, false);
        await Answer(2, cat, true);
        await Answer(0, dan, true);
        await Answer(3, dan, true); // day 3 stays open: not counted yet
        foreach (var post in days.Take(3)) await Store.Posts.CloseAsync(post.Id, post.ClosesAt, default);

        var leaders = await Store.Reports.StreakLeadersAsync(channel.Id, 10, default);

        Assert.Equal(
            [new StreakRow(ann, "ann", 3, 3), new StreakRow(cat, "cat", 1, 1), new StreakRow(ben, "ben", 0, 2), new StreakRow(dan, "dan", 0, 1)],
            leaders);
        Assert.Equal(["ann", "cat"], (await Store.Reports.StreakLeadersAsync(channel.Id, 2, default)).Select(r => r.DisplayName));
        Assert.Empty(await Store.Reports.StreakLeadersAsync(channel.Id + 1000, 10, default));
    }

    [Fact]
    public async Task Channel_reads_made_again_show_a_newly_closed_post_and_a_new_name()
    {
        var channel = await Store.ChannelAsync();
        var ann = await Store.UserAsync("ann");
        var day0 = await Store.PostAsync(channel.Id, Day, T0);
        var day1 = await Store.PostAsync(channel.Id, Day.AddDays(1), T0.AddDays(1), question: "q2");
        await Store.AnswerAsync(day0, ann, true, T0.AddMinutes(1));
        await Store.Posts.CloseAsync(day0.Id, day0.ClosesAt, default);
        async Task<object> ReadAll() => (
            await Store.Reports.AnswerCountAsync(channel.Id, T0, T0.AddDays(7), default),
            (await Store.Reports.DailyActivityAsync(channel.Id, Day, Day.AddDays(6), default)).Count,
            (await Store.Reports.TopicAccuracyAsync(channel.Id, default)).Single().Answered,
            (await Store.Reports.StreakLeadersAsync(channel.Id, 10, default)).Single());
        Assert.Equal((1, 1, 1, new StreakRow(ann, "ann", 1, 1)), await ReadAll());

        await Store.Posts.RecordAnswerAsync(new NewAnswer(day1.Id, channel.Id, StoreScenario.User("ann") with { DisplayName = "Ann Kim" }, "topic", "0", true, T0.AddDays(1).AddMinutes(1)), default);
        Assert.Equal((1, 1, 1, new StreakRow(ann, "Ann Kim", 1, 1)), await ReadAll());

        await Store.Posts.CloseAsync(day1.Id, day1.ClosesAt, default);
        Assert.Equal((2, 2, 2, new StreakRow(ann, "Ann Kim", 2, 2)), await ReadAll());
    }
}
