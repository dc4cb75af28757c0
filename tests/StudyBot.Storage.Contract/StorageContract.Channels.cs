using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;

namespace StudyBot.Storage.Contract;

/// <summary>Channels and users, and reads right after writes (<see cref="Core.Storage.IChannelStore"/>, <see cref="Core.Storage.IUserStore"/>).</summary>
public abstract partial class StorageContract
{
    // A store may keep rows read on every click (posts, channels) in memory; a change must show at once.
    [Fact]
    public async Task A_post_read_before_it_closes_reads_as_closed_afterwards()
    {
        var post = await Store.PostAsync((await Store.ChannelAsync()).Id, DateOnly.FromDateTime(T0.UtcDateTime), T0);
        Assert.Null((await Store.Posts.FindAsync(post.Id, default))!.ClosedAt);

        await Store.Posts.SetMessageIdAsync(post.Id, "m-1", default);
        Assert.Equal("m-1", (await Store.Posts.FindAsync(post.Id, default))!.MessageId);

        await Store.Posts.CloseAsync(post.Id, T0.AddHours(1), default);
        Assert.Equal(T0.AddHours(1), (await Store.Posts.FindAsync(post.Id, default))!.ClosedAt);
    }

    [Fact]
    public async Task A_channel_read_before_an_update_reads_the_new_settings_afterwards()
    {
        var channel = await Store.ChannelAsync();
        Assert.Equal("UTC", (await Store.Channels.FindAsync(channel.Id, default))!.TimeZoneId);

        await Store.Channels.UpdateAsync(channel with { TimeZoneId = "Asia/Seoul", PostTime = new TimeOnly(7, 0) }, default);

        var found = (await Store.Channels.FindAsync(channel.Id, default))!;
        Assert.Equal(("Asia/Seoul", new TimeOnly(7, 0)), (found.TimeZoneId, found.PostTime));
    }

    [Fact]
    public async Task A_new_channel_studies_every_day_and_its_chosen_days_are_kept()
    {
        var channel = await Store.ChannelAsync();
        Assert.Equal(StudyDays.Daily, channel.PostDays);
        var monWedFri = StudyDays.Of(DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday);

        await Store.Channels.UpdateAsync(channel with { Enabled = true, PostDays = monWedFri }, default);

        Assert.Equal(monWedFri, (await Store.Channels.FindAsync(channel.Id, default))!.PostDays);
        Assert.Equal(monWedFri, (await Store.Channels.ListEnabledAsync(default)).Single(c => c.Id == channel.Id).PostDays);
    }

    [Fact]
    public async Task A_channel_seen_for_the_first_time_is_added_disabled_and_found_again_by_address_and_id()
    {
        var address = new ChannelAddress("test", "new-room");

        var added = await Store.Channels.GetOrAddAsync(address, default);
        var again = await Store.Channels.GetOrAddAsync(address, default);

        Assert.False(added.Enabled);
        Assert.Equal(address, added.Address);
        Assert.Equal(added, again);
        Assert.Equal(added, await Store.Channels.FindAsync(added.Id, default));
        Assert.NotEqual(added.Id, (await Store.Channels.GetOrAddAsync(new ChannelAddress("other", "new-room"), default)).Id);
    }

    [Fact]
    public async Task Group_study_settings_start_with_threads_on_and_the_rest_off_and_round_trip()
    {
        var channel = await Store.Channels.GetOrAddAsync(new ChannelAddress("test", "group"), default);
        Assert.Equal((true, null, false, null, GroupNotices.None),
            (channel.ThreadEnabled, channel.PingGroupId, channel.PinEnabled, channel.AdminUserId, channel.NoticesSent));

        var changed = channel with
        {
            Enabled = true,
            ThreadEnabled = false,
            PingGroupId = "987654321098765432",
            PinEnabled = true,
            AdminUserId = "U0BOSS",
            NoticesSent = GroupNotices.Thread | GroupNotices.Pin,
        };
        await Store.Channels.UpdateAsync(changed, default);

        Assert.Equal(changed, await Store.Channels.FindAsync(channel.Id, default));
        Assert.Equal(changed, await Store.Channels.GetOrAddAsync(channel.Address, default));
        Assert.Equal(changed, Assert.Single(await Store.Channels.ListEnabledAsync(default), c => c.Id == channel.Id));
    }

    [Fact]
    public async Task An_unknown_channel_id_is_not_found()
    {
        var known = await Store.ChannelAsync();
        Assert.Null(await Store.Channels.FindAsync(known.Id + 1000, default));
    }

    [Fact]
    public async Task Only_enabled_channels_are_listed_and_a_disabled_one_drops_out()
    {
        var on = await Store.Channels.GetOrAddAsync(new ChannelAddress("test", "on"), default);
        var off = await Store.Channels.GetOrAddAsync(new ChannelAddress("test", "off"), default);
        var stopped = await Store.Channels.GetOrAddAsync(new ChannelAddress("test", "stopped"), default);
        await Store.Channels.UpdateAsync(on with { Enabled = true }, default);
        await Store.Channels.UpdateAsync(stopped with { Enabled = true }, default);
        Assert.Equal(2, (await Store.Channels.ListEnabledAsync(default)).Count);
        await Store.Channels.UpdateAsync(stopped with { Enabled = false }, default);

        var enabled = await Store.Channels.ListEnabledAsync(default);

        Assert.Equal([on.Id], enabled.Select(c => c.Id));
        Assert.DoesNotContain(enabled, c => c.Id == off.Id);
    }

    [Fact]
    public async Task A_user_keeps_one_id_per_platform_whatever_the_display_name()
    {
        var id = await Store.Users.GetOrAddAsync(new ChatUser("discord", "42", "old name"), default);

        Assert.Equal(id, await Store.Users.GetOrAddAsync(new ChatUser("discord", "42", "새 이름 🙂"), default));
        Assert.NotEqual(id, await Store.Users.GetOrAddAsync(new ChatUser("slack", "42", "same id elsewhere"), default));
        Assert.NotEqual(id, await Store.Users.GetOrAddAsync(new ChatUser("discord", "43", "old name"), default));
    }
}
