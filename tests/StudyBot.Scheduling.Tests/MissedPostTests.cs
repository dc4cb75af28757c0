using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using StudyBot.Core.Chat;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Storage;
using StudyBot.Testing;

namespace StudyBot.Scheduling.Tests;

/// <summary>Real Quartz triggers in the SQLite job store across restarts of the host.</summary>
[Collection(QuartzCollection.Name)]
public sealed class MissedPostTests : IDisposable
{
    private static readonly TimeSpan Seoul = TimeSpan.FromHours(9);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static async Task<long> SetUpChannelAsync(IHost host, TimeOnly postTime)
    {
        var channels = host.Services.GetRequiredService<IChannelStore>();
        var channel = await channels.GetOrAddAsync(new ChannelAddress("test", "study-room"), default);
        var enabled = channel with { Enabled = true, PostTime = postTime, TimeZoneId = "Asia/Seoul", PackId = "test" };
        await channels.UpdateAsync(enabled, default);
        await host.Services.GetRequiredService<IStudySchedule>().ScheduleChannelAsync(enabled, default);
        return enabled.Id;
    }

    /// <summary>When the channel's daily trigger last fired: proof that a "no post" outcome was the job's decision.</summary>
    private static async Task<DateTimeOffset?> LastDailyFireAsync(IHost host, long channelId)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return (await scheduler.GetTrigger(StudySchedule.DailyKey(channelId)))?.PreviousFireTimeUtc;
    }

    [Fact]
    public async Task A_post_missed_while_down_fires_once_at_start_up_and_a_restart_does_not_post_again()
    {
        var db = _dir.File("bot.db");
        var clock = new ShiftedClock(new DateTimeOffset(2026, 11, 23, 8, 0, 0, Seoul));

        var before = new RecordingChatPlatform();
        using (var host = SchedulerHost.Build(db, clock, before))
        {
            await host.StartAsync();
            await SetUpChannelAsync(host, new TimeOnly(9, 0));
            await host.StopAsync();
        }
        Assert.Empty(before.Posts);

        // Down across 09:00; back at 10:30 the same day.
        clock.Set(new DateTimeOffset(2026, 11, 23, 10, 30, 0, Seoul));
        var afterDowntime = new RecordingChatPlatform();
        using (var host = SchedulerHost.Build(db, clock, afterDowntime))
        {
            await host.StartAsync();
            Assert.True(await SchedulerHost.WaitUntil(() => !afterDowntime.Posts.IsEmpty, TimeSpan.FromSeconds(20)), "the missed post never fired");
            await Task.Delay(1500);
            await host.StopAsync();
        }
        Assert.Single(afterDowntime.Posts);

        clock.Set(new DateTimeOffset(2026, 11, 23, 11, 0, 0, Seoul));
        var afterRestart = new RecordingChatPlatform();
        using (var host = SchedulerHost.Build(db, clock, afterRestart))
        {
            await host.StartAsync();
            await Task.Delay(3000);
            var posts = host.Services.GetRequiredService<IPostStore>();
            Assert.Single(await posts.ListOpenAsync(default));
            await host.StopAsync();
        }
        Assert.Empty(afterRestart.Posts);
    }

    [Fact]
    public async Task A_trigger_missed_yesterday_does_not_post_before_todays_time()
    {
        var db = _dir.File("bot.db");
        var clock = new ShiftedClock(new DateTimeOffset(2026, 11, 23, 8, 0, 0, Seoul));
        long channelId;
        using (var host = SchedulerHost.Build(db, clock, new RecordingChatPlatform()))
        {
            await host.StartAsync();
            channelId = await SetUpChannelAsync(host, new TimeOnly(9, 0));
            await host.StopAsync();
        }

        // Down from Monday 08:00 to Tuesday 07:00: Monday's 09:00 was missed, Tuesday's is still ahead.
        clock.Set(new DateTimeOffset(2026, 11, 24, 7, 0, 0, Seoul));
        var platform = new RecordingChatPlatform();
        using (var host = SchedulerHost.Build(db, clock, platform))
        {
            await host.StartAsync();
            Assert.True(await SchedulerHost.WaitUntil(() => LastDailyFireAsync(host, channelId).Result is not null, TimeSpan.FromSeconds(20)), "the misfire never fired");
            await Task.Delay(500);
            await host.StopAsync();
        }
        Assert.Empty(platform.Posts);
    }

    [Fact]
    public async Task A_post_reserved_before_a_crash_is_never_posted_a_second_time()
    {
        var db = _dir.File("bot.db");
        var clock = new ShiftedClock(new DateTimeOffset(2026, 11, 23, 8, 59, 58, Seoul));
        var platform = new RecordingChatPlatform();
        using var host = SchedulerHost.Build(db, clock, platform);
        await host.StartAsync();
        var channelId = await SetUpChannelAsync(host, new TimeOnly(9, 0));
        // The process "died" after reserving today's post but before sending it.
        await host.Services.GetRequiredService<IPostStore>().ReserveAsync(
            new NewPost(channelId, "test", "ebs-1", new DateOnly(2026, 11, 23), clock.GetUtcNow(), clock.GetUtcNow().AddHours(12)), default);

        Assert.True(await SchedulerHost.WaitUntil(() => LastDailyFireAsync(host, channelId).Result is not null, TimeSpan.FromSeconds(20)), "09:00 never fired");
        await Task.Delay(500);
        await host.StopAsync();
        Assert.Empty(platform.Posts);
    }

    [Fact]
    public async Task The_close_trigger_reveals_the_answer_by_editing_the_posted_message()
    {
        var db = _dir.File("bot.db");
        var clock = new ShiftedClock(new DateTimeOffset(2026, 11, 23, 8, 59, 58, Seoul));
        var platform = new RecordingChatPlatform();
        using var host = SchedulerHost.Build(db, clock, platform, answerWindow: TimeSpan.FromSeconds(2));
        await host.StartAsync();
        await SetUpChannelAsync(host, new TimeOnly(9, 0));

        Assert.True(await SchedulerHost.WaitUntil(() => !platform.Edits.IsEmpty, TimeSpan.FromSeconds(20)), "no reveal");
        await host.StopAsync();

        var post = Assert.Single(platform.Posts);
        var edit = Assert.Single(platform.Edits);
        Assert.Equal(post.MessageId, edit.MessageId);
        Assert.Empty(edit.Message.Buttons);
        Assert.StartsWith("Answer: A", edit.Message.Title, StringComparison.Ordinal);
    }
}
