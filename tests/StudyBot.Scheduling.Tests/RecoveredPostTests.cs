using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using StudyBot.Core.Chat;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Storage;
using StudyBot.Testing;
using StudyBot.Testing.Postgres;

namespace StudyBot.Scheduling.Tests;

/// <summary>
/// A scheduler that dies while its daily post is being sent (shut down without waiting: the job is still running, its
/// fire still recorded as executing in the store). Quartz re-runs that fire as a recovery, and the post is finished once.
/// </summary>
[Collection(QuartzCollection.Name)]
public sealed class RecoveredPostTests : IDisposable
{
    private static readonly TimeSpan Seoul = TimeSpan.FromHours(9);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static async Task<long> SetUpChannelAsync(IHost host)
    {
        var channels = host.Services.GetRequiredService<IChannelStore>();
        var channel = await channels.GetOrAddAsync(new ChannelAddress("test", "study-room"), default);
        var enabled = channel with { Enabled = true, PostTime = new TimeOnly(9, 0), TimeZoneId = "Asia/Seoul", PackId = "test" };
        await channels.UpdateAsync(enabled, default);
        await host.Services.GetRequiredService<IStudySchedule>().ScheduleChannelAsync(enabled, default);
        return enabled.Id;
    }

    private static async Task<IScheduler> SchedulerAsync(IHost host) =>
        await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    /// <summary>Starts a node whose 09:00 post gets stuck mid-send, then kills its scheduler without letting the job end.</summary>
    private static async Task<long> DieWhileSendingAsync(IHost node, StuckPlatform stuck)
    {
        await node.StartAsync();
        var channelId = await SetUpChannelAsync(node);
        await stuck.SendBegan.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await (await SchedulerAsync(node)).Shutdown(waitForJobsToComplete: false);
        return channelId;
    }

    private static async Task AssertPostedOnceAsync(IHost host, long channelId, RecordingChatPlatform platform)
    {
        var sent = Assert.Single(platform.Posts);
        Assert.True(Assert.Single(platform.DailySends).IsResend);
        var post = Assert.Single(await host.Services.GetRequiredService<IPostStore>().ListOpenAsync(default));
        Assert.Equal(channelId, post.ChannelId);
        Assert.Equal(sent.MessageId, post.MessageId);
        // The close the dead run scheduled before sending is still the one close.
        Assert.NotNull(await (await SchedulerAsync(host)).GetTrigger(StudySchedule.CloseKey(post.Id)));
    }

    [Fact]
    public async Task A_node_restarted_after_dying_mid_send_finishes_the_post_once()
    {
        var db = _dir.File("bot.db");
        var clock = new ShiftedClock(new DateTimeOffset(2026, 11, 23, 8, 59, 58, Seoul));
        var stuck = new StuckPlatform();
        var crashed = SchedulerHost.Build(db, clock, stuck);
        long channelId;
        try
        {
            channelId = await DieWhileSendingAsync(crashed, stuck);

            // Back on the same file: a single node's scheduler has the same instance id at every start, so it recovers its own fire.
            var restarted = new RecordingChatPlatform();
            using var host = SchedulerHost.Build(db, clock, restarted);
            var runs = JobRuns.On(await SchedulerAsync(host));
            await host.StartAsync();
            var recovery = await runs.Finished.WaitForAsync(r => r.Recovering,
                TimeSpan.FromSeconds(20), "the recovery run of the cut-off post");
            Assert.Null(recovery.Error);
            // A second fire would be a second post: give it the time to happen.
            await Task.Delay(TimeSpan.FromSeconds(2));
            await AssertPostedOnceAsync(host, channelId, restarted);
            await host.StopAsync();
        }
        finally
        {
            stuck.Release();
            crashed.Dispose();
        }
    }

    [Fact]
    public async Task A_normal_restart_recovers_nothing_and_posts_nothing_more()
    {
        var db = _dir.File("bot.db");
        var clock = new ShiftedClock(new DateTimeOffset(2026, 11, 23, 8, 59, 58, Seoul));
        var first = new RecordingChatPlatform();
        long channelId;
        using (var host = SchedulerHost.Build(db, clock, first))
        {
            await host.StartAsync();
            channelId = await SetUpChannelAsync(host);
            Assert.True(await SchedulerHost.WaitUntil(() => !first.Posts.IsEmpty, TimeSpan.FromSeconds(20)), "no post");
            await host.StopAsync();
        }

        var again = new RecordingChatPlatform();
        using (var host = SchedulerHost.Build(db, clock, again))
        {
            var runs = JobRuns.On(await SchedulerAsync(host));
            await host.StartAsync();
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.Equal(channelId, Assert.Single(await host.Services.GetRequiredService<IPostStore>().ListOpenAsync(default)).ChannelId);
            await host.StopAsync();
            Assert.DoesNotContain(runs.Finished.All, r => r.Recovering);
        }
        Assert.Single(first.Posts);
        Assert.False(Assert.Single(first.DailySends).IsResend);
        Assert.Empty(again.Posts);
    }

    [PostgresFact]
    public async Task In_a_cluster_the_node_that_takes_over_finishes_the_dead_nodes_post_once()
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync();
        var stuck = new StuckPlatform();
        var checkin = TimeSpan.FromSeconds(1);
        var clock = new ShiftedClock(new DateTimeOffset(2026, 11, 23, 8, 59, 58, Seoul));
        var nodeA = SchedulerHost.BuildNode(connectionString, "node-a", clock, stuck, checkin);
        try
        {
            var channelId = await DieWhileSendingAsync(nodeA, stuck);

            // Node B starts after A's death: it sees A's check-ins stop and recovers A's executing fire.
            var survivor = new RecordingChatPlatform();
            using var nodeB = SchedulerHost.BuildNode(connectionString, "node-b", clock, survivor, checkin);
            var runs = JobRuns.On(await SchedulerAsync(nodeB));
            await nodeB.StartAsync();
            var recovery = await runs.Finished.WaitForAsync(r => r.Recovering,
                TimeSpan.FromSeconds(30), "node B's recovery run of node A's post");
            Assert.Null(recovery.Error);
            await Task.Delay(TimeSpan.FromSeconds(2));
            await AssertPostedOnceAsync(nodeB, channelId, survivor);
            await nodeB.StopAsync();
        }
        finally
        {
            stuck.Release();
            nodeA.Dispose();
            await server.DropDatabaseAsync(connectionString);
        }
    }
}
