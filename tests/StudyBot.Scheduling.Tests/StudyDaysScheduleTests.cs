using Microsoft.Extensions.DependencyInjection;
using Quartz;
using StudyBot.Core.Chat;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Storage;
using StudyBot.Core.Study;
using StudyBot.Testing;

namespace StudyBot.Scheduling.Tests;

/// <summary>A channel that studies on some days only, over a week of restarts with real Quartz triggers.</summary>
[Collection(QuartzCollection.Name)]
public sealed class StudyDaysScheduleTests : IDisposable
{
    private static readonly TimeSpan Seoul = TimeSpan.FromHours(9);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_mon_wed_fri_channel_posts_on_those_days_and_never_makes_up_a_missed_friday_on_saturday()
    {
        var db = _dir.File("bot.db");
        // Sunday 22 November 2026, 08:00 Seoul: set up for Monday, Wednesday and Friday at 09:00.
        var clock = new ShiftedClock(new DateTimeOffset(2026, 11, 22, 8, 0, 0, Seoul));
        long channelId;
        using (var host = SchedulerHost.Build(db, clock, new RecordingChatPlatform()))
        {
            await host.StartAsync();
            var channels = host.Services.GetRequiredService<IChannelStore>();
            var channel = await channels.GetOrAddAsync(new ChannelAddress("test", "study-room"), default);
            var enabled = channel with
            {
                Enabled = true, PostTime = new TimeOnly(9, 0), TimeZoneId = "Asia/Seoul", PackId = "test",
                PostDays = StudyDays.Of(DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday),
            };
            await channels.UpdateAsync(enabled, default);
            await host.Services.GetRequiredService<IStudySchedule>().ScheduleChannelAsync(enabled, default);
            channelId = enabled.Id;
            await host.StopAsync();
        }

        // The bot runs only from 10:30 to 10:31 each day, so every post it makes is a catch-up of 09:00;
        // on Friday it stays down all day, and Friday's missed 09:00 is due when it comes back on Saturday.
        var posted = new List<DateOnly>();
        foreach (var day in new[] { 23, 24, 25, 26, 28, 29 })
        {
            clock.Set(new DateTimeOffset(2026, 11, day, 10, 30, 0, Seoul));
            var platform = new RecordingChatPlatform();
            using var host = SchedulerHost.Build(db, clock, platform);
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var runs = JobRuns.On(scheduler);
            var dailyDue = (await scheduler.GetTrigger(StudySchedule.DailyKey(channelId)))!.NextFireTimeUtc <= clock.GetUtcNow();
            await host.StartAsync();
            if (dailyDue) Assert.Null((await runs.WaitForAsync(StudySchedule.DailyKey(channelId))).Error);
            await host.StopAsync();
            if (!platform.Posts.IsEmpty) posted.Add(new DateOnly(2026, 11, day));
            Assert.True(platform.Posts.Count <= 1, $"{platform.Posts.Count} posts on 2026-11-{day}");
            // Monday, Wednesday and Saturday (Friday's missed fire) are the days a fire was due.
            Assert.Equal(day is 23 or 25 or 28, dailyDue);
        }

        Assert.Equal([new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 25)], posted);
    }
}
