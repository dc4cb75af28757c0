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

    /// <summary>Starts the host with a listener on every job run (added first: a misfire can fire at once).</summary>
    private static async Task<JobRuns> StartAsync(IHost host)
    {
        var runs = JobRuns.On(await SchedulerAsync(host));
        await host.StartAsync();
        return runs;
    }

    private static async Task<IScheduler> SchedulerAsync(IHost host) =>
        await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    private static async Task<ITrigger> DailyTriggerAsync(IHost host, long channelId) =>
        await (await SchedulerAsync(host)).GetTrigger(StudySchedule.DailyKey(channelId)) ?? throw new Xunit.Sdk.XunitException("no daily trigger");

    /// <summary>Every trigger of the bot, as stored now.</summary>
    private static async Task<IReadOnlyList<TriggerHeader>> TriggersAsync(IHost host) =>
        (await (await SchedulerAsync(host)).QueryTriggers(
            new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(StudySchedule.Group), Take = PagedQuery.All }, default)).Items;

    [Fact]
    public async Task A_post_missed_while_down_fires_once_at_start_up_and_a_restart_does_not_post_again()
    {
        var db = _dir.File("bot.db");
        var clock = new ShiftedClock(new DateTimeOffset(2026, 11, 23, 8, 0, 0, Seoul));

        var tomorrowAtNine = new DateTimeOffset(2026, 11, 24, 9, 0, 0, Seoul);
        var before = new RecordingChatPlatform();
        long channelId;
        using (var host = SchedulerHost.Build(db, clock, before))
        {
            await host.StartAsync();
            channelId = await SetUpChannelAsync(host, new TimeOnly(9, 0));
            await host.StopAsync();
        }
        Assert.Empty(before.Posts);

        // Down across 09:00; back at 10:30 the same day.
        clock.Set(new DateTimeOffset(2026, 11, 23, 10, 30, 0, Seoul));
        var afterDowntime = new RecordingChatPlatform();
        DateTimeOffset? missedPostFired;
        using (var host = SchedulerHost.Build(db, clock, afterDowntime))
        {
            var runs = await StartAsync(host);
            Assert.Null((await runs.WaitForAsync(StudySchedule.DailyKey(channelId))).Error);
            // The misfire fired once and the trigger moved on to tomorrow: nothing else can post in this run.
            var daily = await DailyTriggerAsync(host, channelId);
            Assert.Equal(tomorrowAtNine, daily.NextFireTimeUtc);
            missedPostFired = daily.PreviousFireTimeUtc;
            await host.StopAsync();
        }
        Assert.Single(afterDowntime.Posts);
        Assert.NotNull(missedPostFired);

        clock.Set(new DateTimeOffset(2026, 11, 23, 11, 0, 0, Seoul));
        var afterRestart = new RecordingChatPlatform();
        using (var host = SchedulerHost.Build(db, clock, afterRestart))
        {
            var runs = await StartAsync(host);
            // Nothing is due before tomorrow and the daily trigger last fired at 10:30: this start has
            // fired nothing and, with every next fire time ahead, will fire nothing.
            var triggers = await TriggersAsync(host);
            Assert.NotEmpty(triggers);
            Assert.All(triggers, t => Assert.True(t.NextFireTimeUtc > clock.GetUtcNow(), $"{t.Key} is due at {t.NextFireTimeUtc}"));
            Assert.Equal(missedPostFired, (await DailyTriggerAsync(host, channelId)).PreviousFireTimeUtc);
            var posts = host.Services.GetRequiredService<IPostStore>();
            Assert.Single(await posts.ListOpenAsync(default));
            await host.StopAsync();
            Assert.Empty(runs.Finished);
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
            var runs = await StartAsync(host);
            // The misfire ran the job to the end: "no post" was its decision.
            Assert.Null((await runs.WaitForAsync(StudySchedule.DailyKey(channelId))).Error);
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
        var runs = await StartAsync(host);
        var channelId = await SetUpChannelAsync(host, new TimeOnly(9, 0));
        // The process "died" after reserving today's post but before sending it.
        await host.Services.GetRequiredService<IPostStore>().ReserveAsync(
            new NewPost(channelId, "test", "ebs-1", new DateOnly(2026, 11, 23), clock.GetUtcNow(), clock.GetUtcNow().AddHours(12)), default);

        // 09:00 ran the job to the end: "no post" was its decision.
        Assert.Null((await runs.WaitForAsync(StudySchedule.DailyKey(channelId))).Error);
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
