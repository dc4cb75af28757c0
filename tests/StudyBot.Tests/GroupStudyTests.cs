using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Testing;

namespace StudyBot.Tests;

/// <summary>The group-study settings (/study thread, ping, pin, join, leave) through the inbound port, on real storage.</summary>
public sealed class GroupStudyTests : IDisposable
{
    private const string Role = "123456789012345678";
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly CoreOnRealStorage _bot = new(Packs.Small(perTopic: 2), Monday);

    public void Dispose() => _bot.Dispose();

    private Task<ChatReply> AdminAsync(string line) => _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("admin", admin: true), line, default);

    private Task<ChatReply> MemberAsync(string line, string user = "mina") => _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As(user), line, default);

    private async Task<ChannelSettings> ChannelAsync() =>
        await _bot.Get<IChannelStore>().GetOrAddAsync(new ChannelAddress("test", "room"), default);

    [Fact]
    public async Task A_new_channel_opens_a_thread_named_after_topic_and_date_and_the_reveal_summary_goes_into_it()
    {
        var post = await _bot.PostTodayAsync();

        var thread = Assert.Single(_bot.Platform.Threads);
        Assert.Equal(("room", post.MessageId), (thread.ChannelId, thread.MessageId));
        Assert.EndsWith(" · 2026-11-23", thread.Name, StringComparison.Ordinal);
        Assert.InRange(thread.Name.Length, 1, 100);
        Assert.Contains("Discuss in the thread", Assert.Single(_bot.Platform.Posts).Message.Body, StringComparison.Ordinal);

        await _bot.Inbox.HandleButtonAsync(CoreOnRealStorage.As("mina"), ButtonIds.Daily(post.Id, 0), default);
        await AdminAsync("study close");

        var summary = Assert.Single(_bot.Platform.ThreadPosts);
        Assert.Equal(post.MessageId, summary.MessageId);
        Assert.Equal("Answer: A", summary.Message.Title);
        Assert.Equal("100% correct (1 of 1) · first right: mina", summary.Message.Body);
        Assert.Single(_bot.Platform.Edits);
    }

    [Fact]
    public async Task Thread_off_opens_no_thread_posts_no_summary_and_does_not_point_to_one()
    {
        await AdminAsync("study setup 09:00 UTC");
        var reply = await AdminAsync("study thread off");
        Assert.False(reply.Ephemeral);
        await AdminAsync("study now");
        await AdminAsync("study close");

        Assert.Empty(_bot.Platform.Threads);
        Assert.Empty(_bot.Platform.ThreadPosts);
        Assert.DoesNotContain("thread", Assert.Single(_bot.Platform.Posts).Message.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<@&123456789012345678>")]
    [InlineData("123456789012345678")]
    public async Task Ping_makes_the_daily_post_mention_exactly_that_role(string typed)
    {
        await AdminAsync("study setup 09:00 UTC");
        var reply = await AdminAsync("study ping " + typed);
        Assert.False(reply.Ephemeral, reply.Message.Body);
        await AdminAsync("study now");

        Assert.Equal(Role, Assert.Single(_bot.Platform.Posts).Message.MentionGroupId);
        Assert.Equal(Role, (await ChannelAsync()).PingGroupId);
    }

    [Fact]
    public async Task Ping_off_stops_the_mention_and_a_Slack_user_group_is_taken_by_id()
    {
        await AdminAsync("study ping <!subteam^S0STUDY1|@study>");
        Assert.Equal("S0STUDY1", (await ChannelAsync()).PingGroupId);
        await AdminAsync("study ping off");
        await _bot.PostTodayAsync();

        Assert.Null((await ChannelAsync()).PingGroupId);
        Assert.Null(Assert.Single(_bot.Platform.Posts).Message.MentionGroupId);
    }

    [Theory]
    [InlineData("@everyone")]
    [InlineData("@here")]
    [InlineData("<!everyone>")]
    [InlineData("<!channel>")]
    [InlineData("<!here>")]
    [InlineData("<@123456789012345678>")]
    [InlineData("<@&123456789012345678><@&223456789012345678>")]
    [InlineData("<!subteam^S0STUDY1>@everyone")]
    [InlineData("everyone")]
    public async Task Mentions_that_reach_everyone_or_a_user_are_refused_as_a_study_role(string typed)
    {
        await AdminAsync("study ping " + Role);
        var reply = await AdminAsync("study ping " + typed);

        Assert.True(reply.Ephemeral);
        Assert.Contains("is not a valid role", reply.Message.Title, StringComparison.Ordinal);
        Assert.Equal(Role, (await ChannelAsync()).PingGroupId);
    }

    [Fact]
    public async Task A_member_who_is_not_an_admin_cannot_set_the_ping_thread_or_pin()
    {
        foreach (var line in new[] { "study ping " + Role, "study thread off", "study pin on" })
        {
            var reply = await MemberAsync(line);
            Assert.True(reply.Ephemeral, line);
            Assert.Equal("Admins only", reply.Message.Title);
        }
        var channel = await ChannelAsync();
        Assert.Equal((null, true, false), (channel.PingGroupId, channel.ThreadEnabled, channel.PinEnabled));
    }

    [Fact]
    public async Task Pin_on_pins_the_daily_post_and_unpins_it_when_it_closes()
    {
        await AdminAsync("study setup 09:00 UTC");
        await AdminAsync("study pin on");
        await AdminAsync("study now");
        var messageId = Assert.Single(_bot.Platform.Posts).MessageId;
        await AdminAsync("study close");

        Assert.Equal([("room", messageId, true), ("room", messageId, false)], _bot.Platform.PinChanges);
    }

    [Fact]
    public async Task Pin_changed_while_a_question_is_open_applies_to_it_at_once()
    {
        var post = await _bot.PostTodayAsync();
        await AdminAsync("study pin on");
        await AdminAsync("study pin off");

        Assert.Equal([("room", post.MessageId!, true), ("room", post.MessageId!, false)], _bot.Platform.PinChanges);
    }

    [Fact]
    public async Task A_missing_permission_never_stops_the_post_and_the_admin_is_told_once_across_two_days()
    {
        _bot.Platform.Refused["thread"] = "Create Public Threads";
        _bot.Platform.Refused["pin"] = "Pin Messages";
        await AdminAsync("study setup 09:00 UTC");
        await AdminAsync("study pin on");
        await AdminAsync("study now");
        await AdminAsync("study close");
        _bot.Clock.Set(Monday.AddDays(1));
        await AdminAsync("study now");
        await AdminAsync("study close");

        Assert.Equal(2, _bot.Platform.Posts.Count);
        var notices = _bot.Platform.DirectMessages.ToList();
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Equal("admin", n.UserId));
        Assert.Contains("**Create Public Threads**", notices[0].Message.Body, StringComparison.Ordinal);
        Assert.Contains("**Pin Messages**", notices[1].Message.Body, StringComparison.Ordinal);
        Assert.Equal(GroupNotices.Thread | GroupNotices.Pin, (await ChannelAsync()).NoticesSent);
    }

    [Fact]
    public async Task Turning_the_thread_on_again_after_granting_arms_one_new_notice_for_whoever_turned_it_on()
    {
        _bot.Platform.Refused["thread"] = "Create Public Threads";
        await _bot.PostTodayAsync();
        await _bot.Inbox.HandleCommandAsync(CoreOnRealStorage.As("sora", admin: true), "study thread on", default);
        await AdminAsync("study close");
        _bot.Clock.Set(Monday.AddDays(1));
        await AdminAsync("study now");

        Assert.Equal(["admin", "sora"], _bot.Platform.DirectMessages.Select(d => d.UserId));
    }

    [Fact]
    public async Task Join_and_leave_change_the_members_place_in_the_study_group()
    {
        await AdminAsync("study ping " + Role);

        var joined = await MemberAsync("study join");
        var left = await MemberAsync("study leave");

        Assert.Equal(("Joined", true), (joined.Message.Title, joined.Ephemeral));
        Assert.Equal(("Left", true), (left.Message.Title, left.Ephemeral));
        Assert.Equal([(Role, "mina", true), (Role, "mina", false)], _bot.Platform.GroupChanges);
    }

    [Fact]
    public async Task Join_without_a_study_role_or_without_the_bots_permission_says_who_can()
    {
        var none = await MemberAsync("study join");
        Assert.Equal("No study role here", none.Message.Title);

        await AdminAsync("study ping " + Role);
        _bot.Platform.Refused["group"] = "Manage Roles";
        var refused = await MemberAsync("study join");

        Assert.True(refused.Ephemeral);
        Assert.Contains("Manage Roles", refused.Message.Body, StringComparison.Ordinal);
        Assert.Contains("server admin", refused.Message.Body, StringComparison.Ordinal);
        Assert.Empty(_bot.Platform.GroupChanges);
    }
}
