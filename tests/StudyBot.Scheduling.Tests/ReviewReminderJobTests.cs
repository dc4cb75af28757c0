using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;
using StudyBot.Core.Review;
using StudyBot.Core.Storage;
using StudyBot.Scheduling.Jobs;
using StudyBot.Testing;

namespace StudyBot.Scheduling.Tests;

/// <summary>The host's real Quartz on the SQLite file fires <see cref="SendReviewRemindersJob"/> at 08:00 Seoul time.</summary>
[Collection(QuartzCollection.Name)]
public sealed class ReviewReminderJobTests : IDisposable
{
    private static readonly TimeSpan Seoul = TimeSpan.FromHours(9);
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 0, 0, 0, Seoul);
    private static readonly Question Card = Packs.Small().Questions[0];
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static CommandContext As(string member) =>
        new(new ChannelAddress("test", "room"), new ChatUser("test", member, member), false, Language.En);

    private static async Task SayAsync(IHost host, string member, string command)
    {
        var reply = await host.Services.GetRequiredService<IChatInbox>().HandleCommandAsync(As(member), command, default);
        Assert.True(reply.Ephemeral, reply.Message.Body);
    }

    private static async Task ReviewAsync(IHost host, string member, bool recalled, DateTimeOffset at)
    {
        var review = host.Services.GetRequiredService<CardReviews>().For("test", Card, recalled, ReviewSource.Quiz, at);
        var store = host.Services.GetRequiredService<IReviewStore>();
        var userId = await host.Services.GetRequiredService<IUserStore>().GetOrAddAsync(As(member).User, default);
        var reps = (await store.CardsAsync(userId, default)).SingleOrDefault()?.Memory.Reps ?? 0;
        Assert.Equal(ReviewOutcome.Recorded, (await store.ReviewAsync(As(member).User, review, reps, default)).Outcome);
    }

    /// <summary>Starts the host with a listener on every job run, and waits for the reminder round fired at 08:00 local.</summary>
    private static async Task<JobRuns> RunUntilEightAsync(IHost host, DateOnly day)
    {
        var runs = JobRuns.On(await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler());
        await host.StartAsync();
        var eight = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), Seoul);
        var run = await runs.Finished.WaitForAsync(r => r.Trigger.Equals(SendReviewRemindersJob.TriggerKey) && r.FiredAt >= eight,
            TimeSpan.FromSeconds(40), "the 08:00 reminder round");
        Assert.Null(run.Error);
        var local = run.FiredAt!.Value.ToOffset(Seoul);
        Assert.Equal((day, 8, 0), (DateOnly.FromDateTime(local.DateTime), local.Hour, local.Minute));
        return runs;
    }

    [Fact]
    public async Task One_dm_at_eight_seoul_time_when_cards_are_due_and_none_when_nothing_is_due_or_reminders_are_off()
    {
        var db = _dir.File("bot.db");
        var clock = new ShiftedClock(Monday.AddHours(7));
        var monday = new RecordingChatPlatform();
        using (var host = SchedulerHost.Build(db, clock, monday))
        {
            // "due" and "off" missed a card on Saturday; "idle" has no cards.
            foreach (var member in new[] { "due", "off" }) await ReviewAsync(host, member, recalled: false, Monday.AddDays(-2));
            foreach (var member in new[] { "due", "idle", "off" }) await SayAsync(host, member, "/review remind 08:00 Asia/Seoul");
            await SayAsync(host, "off", "/review remind off");

            clock.Set(Monday.AddHours(8).AddSeconds(-8));
            var runs = await RunUntilEightAsync(host, DateOnly.FromDateTime(Monday.DateTime));

            var (userId, message) = Assert.Single(monday.DirectMessages);
            Assert.Equal("due", userId);
            Assert.Equal("**1 card** is due for review today.", message.Body);
            var start = Assert.Single(message.Buttons);
            Assert.Equal((ButtonIds.StartReview, "Start review"), (start.Id, start.Label));

            // The job run again within the same minute sends nothing more.
            await (await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).TriggerJob(SendReviewRemindersJob.Key);
            await runs.Finished.WaitForAsync(r => !r.Trigger.Equals(SendReviewRemindersJob.TriggerKey), TimeSpan.FromSeconds(20), "the second round");
            Assert.Equal(8, clock.GetUtcNow().ToOffset(Seoul).Hour);
            Assert.Equal(0, clock.GetUtcNow().ToOffset(Seoul).Minute);
            Assert.Single(monday.DirectMessages);

            // The button opens the review on that card.
            var review = await host.Services.GetRequiredService<IChatInbox>().HandleButtonAsync(As("due"), start.Id, default);
            Assert.StartsWith("Review", review.Message.Title, StringComparison.Ordinal);
            Assert.Equal("1 due", review.Message.Footer);

            // Recalled at 08:01: nothing is due on Tuesday.
            await ReviewAsync(host, "due", recalled: true, Monday.AddHours(8).AddMinutes(1));
            await host.StopAsync();
        }

        clock.Set(Monday.AddDays(1).AddHours(8).AddSeconds(-8));
        var tuesday = new RecordingChatPlatform();
        using (var host = SchedulerHost.Build(db, clock, tuesday))
        {
            await RunUntilEightAsync(host, DateOnly.FromDateTime(Monday.AddDays(1).DateTime));
            await host.StopAsync();
        }
        Assert.Empty(tuesday.DirectMessages);
    }
}
