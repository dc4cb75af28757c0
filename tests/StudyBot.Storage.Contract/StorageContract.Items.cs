using StudyBot.Core.Storage;

namespace StudyBot.Storage.Contract;

/// <summary>Item analysis reads (<see cref="IItemAnalysisQueries"/>): daily answers to closed posts, aggregated.</summary>
public abstract partial class StorageContract
{
    [Fact]
    public async Task Item_tallies_are_empty_without_answers()
    {
        Assert.Empty(await Store.Items.MemberTalliesAsync(null, default));
        Assert.Empty(await Store.Items.ChoiceTalliesAsync(null, [], [], default));
    }

    // A kept analysis is reused until this number moves; a close it missed would show old figures for good.
    [Fact]
    public async Task The_answers_version_moves_when_a_post_closes_and_not_otherwise()
    {
        var post = await PackPostAsync((await Store.ChannelAsync()).Id, 0, "aws", "q1");
        var before = await Store.Items.AnswersVersionAsync(default);
        Assert.NotNull(before);
        Assert.Equal(before, await Store.Items.AnswersVersionAsync(default));

        await Store.Posts.CloseAsync(post.Id, T0.AddHours(1), default);

        Assert.NotEqual(before, await Store.Items.AnswersVersionAsync(default));
    }

    [Fact]
    public async Task Member_tallies_count_closed_daily_answers_of_the_pack_across_channels()
    {
        var (c1, c2) = (await Store.ChannelAsync(), await Store.ChannelAsync("c2"));
        var (ann, ben) = (await Store.UserAsync("ann"), await Store.UserAsync("ben"));
        var p1 = await PackPostAsync(c1.Id, 0, "aws", "q1");
        var p2 = await PackPostAsync(c2.Id, 0, "aws", "q2");
        var other = await PackPostAsync(c1.Id, 1, "gcp", "q1");
        var open = await PackPostAsync(c1.Id, 2, "aws", "q3");
        await ChooseAsync(p1, ann, "0", true);
        await ChooseAsync(p2, ann, "1", false);
        await ChooseAsync(p1, ben, "1", false);
        await ChooseAsync(other, ben, "0", true);
        await ChooseAsync(open, ann, "0", true);
        foreach (var post in new[] { p1, p2, other }) await Store.Posts.CloseAsync(post.Id, post.ClosesAt, default);
        // Practice answers shape /quiz, not item analysis.
        await Store.Practice.RecordAsync(ann, "q1", "topic", true, T0, null, default);

        var aws = await Store.Items.MemberTalliesAsync("aws", default);
        var all = await Store.Items.MemberTalliesAsync(null, default);

        Assert.Equal([new MemberTally(ann, 2, 1), new MemberTally(ben, 1, 0)], aws.OrderBy(m => m.UserId));
        Assert.Equal([new MemberTally(ann, 2, 1), new MemberTally(ben, 2, 1)], all.OrderBy(m => m.UserId));
    }

    [Fact]
    public async Task Choice_tallies_count_answers_per_pack_question_choices_and_group()
    {
        var (c1, c2) = (await Store.ChannelAsync(), await Store.ChannelAsync("c2"));
        var (ann, ben, cat, dan) = (await Store.UserAsync("ann"), await Store.UserAsync("ben"), await Store.UserAsync("cat"), await Store.UserAsync("dan"));
        // The same question posted in two channels adds up; the same id in another pack stays apart.
        var first = await PackPostAsync(c1.Id, 0, "aws", "q1");
        var again = await PackPostAsync(c2.Id, 0, "aws", "q1");
        var two = await PackPostAsync(c1.Id, 1, "aws", "q2");
        var other = await PackPostAsync(c1.Id, 2, "gcp", "q1");
        var open = await PackPostAsync(c2.Id, 1, "aws", "q1");
        await ChooseAsync(first, ann, "0", true);
        await ChooseAsync(again, ann, "0", true);
        await ChooseAsync(first, ben, "0", true);
        await ChooseAsync(again, cat, "1", false);
        await ChooseAsync(first, dan, "1", false);
        await ChooseAsync(two, ann, "0,2", true);
        await ChooseAsync(other, ann, "3", false);
        await ChooseAsync(open, ben, "2", false);
        foreach (var post in new[] { first, again, two, other }) await Store.Posts.CloseAsync(post.Id, post.ClosesAt, default);

        var aws = await Store.Items.ChoiceTalliesAsync("aws", [ann], [dan], default);
        var all = await Store.Items.ChoiceTalliesAsync(null, [], [], default);

        Assert.Equal(
            [
                new ChoiceTally("aws", "q1", "0", ItemGroup.Middle, 1),
                new ChoiceTally("aws", "q1", "0", ItemGroup.Top, 2),
                new ChoiceTally("aws", "q1", "1", ItemGroup.Middle, 1),
                new ChoiceTally("aws", "q1", "1", ItemGroup.Bottom, 1),
                new ChoiceTally("aws", "q2", "0,2", ItemGroup.Top, 1),
            ],
            Ordered(aws));
        Assert.Equal(
            [
                new ChoiceTally("aws", "q1", "0", ItemGroup.Middle, 3),
                new ChoiceTally("aws", "q1", "1", ItemGroup.Middle, 2),
                new ChoiceTally("aws", "q2", "0,2", ItemGroup.Middle, 1),
                new ChoiceTally("gcp", "q1", "3", ItemGroup.Middle, 1),
            ],
            Ordered(all));
    }

    [Fact]
    public async Task Item_tallies_read_again_include_a_post_closed_since()
    {
        var channel = await Store.ChannelAsync();
        var ann = await Store.UserAsync("ann");
        var first = await PackPostAsync(channel.Id, 0, "aws", "q1");
        var second = await PackPostAsync(channel.Id, 1, "aws", "q2");
        await ChooseAsync(first, ann, "0", true);
        await ChooseAsync(second, ann, "1", false);
        await Store.Posts.CloseAsync(first.Id, first.ClosesAt, default);
        Assert.Equal([new MemberTally(ann, 1, 1)], await Store.Items.MemberTalliesAsync("aws", default));
        Assert.Single(await Store.Items.ChoiceTalliesAsync("aws", [ann], [], default));

        await Store.Posts.CloseAsync(second.Id, second.ClosesAt, default);

        Assert.Equal([new MemberTally(ann, 2, 1)], await Store.Items.MemberTalliesAsync("aws", default));
        Assert.Equal(2, (await Store.Items.ChoiceTalliesAsync("aws", [ann], [], default)).Count);
    }

    [Fact]
    public async Task Choice_tallies_follow_the_groups_asked_for()
    {
        var channel = await Store.ChannelAsync();
        var (ann, ben) = (await Store.UserAsync("ann"), await Store.UserAsync("ben"));
        var post = await PackPostAsync(channel.Id, 0, "aws", "q1");
        await ChooseAsync(post, ann, "0", true);
        await Store.Posts.CloseAsync(post.Id, post.ClosesAt, default);

        Assert.Equal(ItemGroup.Top, (await Store.Items.ChoiceTalliesAsync("aws", [ann], [ben], default)).Single().Group);
        Assert.Equal(ItemGroup.Bottom, (await Store.Items.ChoiceTalliesAsync("aws", [ben], [ann], default)).Single().Group);
        Assert.Equal(ItemGroup.Middle, (await Store.Items.ChoiceTalliesAsync("aws", [], [], default)).Single().Group);
    }

    private static IEnumerable<ChoiceTally> Ordered(IEnumerable<ChoiceTally> tallies) =>
        tallies.OrderBy(t => t.PackId, StringComparer.Ordinal).ThenBy(t => t.QuestionId, StringComparer.Ordinal)
            .ThenBy(t => t.Choices, StringComparer.Ordinal).ThenBy(t => t.Group);

    private async Task<Post> PackPostAsync(long channelId, int day, string pack, string question) =>
        (await Store.Posts.ReserveAsync(new NewPost(channelId, pack, question, Day.AddDays(day), T0.AddDays(day), T0.AddDays(day).AddHours(12)), default)).Post;

    private async Task ChooseAsync(Post post, long userId, string choices, bool correct) =>
        Assert.Equal(AnswerOutcome.Recorded, await Store.Posts.RecordAnswerAsync(
            new NewAnswer(post.Id, post.ChannelId, Store.UserById(userId), "topic", choices, correct, post.OpensAt.AddMinutes(1)), default));
}
