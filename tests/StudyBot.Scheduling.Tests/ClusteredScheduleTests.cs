using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StudyBot.Core.Chat;
using StudyBot.Core.Scheduling;
using StudyBot.Core.Storage;
using StudyBot.Testing;
using StudyBot.Testing.Postgres;

namespace StudyBot.Scheduling.Tests;

/// <summary>Two nodes, one PostgreSQL database, Quartz's clustered job store: each fire runs on one node.</summary>
[Collection(QuartzCollection.Name)]
public sealed class ClusteredScheduleTests
{
    private static readonly TimeSpan Seoul = TimeSpan.FromHours(9);

    [PostgresFact]
    public async Task Channels_due_the_same_minute_are_each_posted_once_across_two_nodes()
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync();
        try
        {
            var clock = new ShiftedClock(new DateTimeOffset(2026, 11, 23, 8, 59, 57, Seoul));
            var first = new RecordingChatPlatform();
            var second = new RecordingChatPlatform();
            using var nodeA = SchedulerHost.BuildNode(connectionString, "node-a", clock, first);
            using var nodeB = SchedulerHost.BuildNode(connectionString, "node-b", clock, second);
            await nodeA.StartAsync();
            await nodeB.StartAsync();

            // Set up on node A; node B learns the triggers from the shared store, not from its own memory.
            var channels = nodeA.Services.GetRequiredService<IChannelStore>();
            var schedule = nodeA.Services.GetRequiredService<IStudySchedule>();
            const int count = 6;
            for (var i = 0; i < count; i++)
            {
                var channel = await channels.GetOrAddAsync(new ChannelAddress("test", $"room-{i}"), default);
                var enabled = channel with { Enabled = true, PostTime = new TimeOnly(9, 0), TimeZoneId = "Asia/Seoul", PackId = "test" };
                await channels.UpdateAsync(enabled, default);
                await schedule.ScheduleChannelAsync(enabled, default);
            }

            Assert.True(await SchedulerHost.WaitUntil(() => first.Posts.Count + second.Posts.Count >= count, TimeSpan.FromSeconds(60)),
                $"{first.Posts.Count + second.Posts.Count} of {count} posted");
            // A second fire of any trigger would be a second post of its channel: give it the time to happen.
            await Task.Delay(TimeSpan.FromSeconds(3));
            await using var connection = new NpgsqlConnection(connectionString);
            var nodes = (await connection.QueryAsync<string>("SELECT instance_name FROM qrtz_scheduler_state ORDER BY instance_name")).ToList();
            await nodeA.StopAsync();
            await nodeB.StopAsync();

            var posted = first.Posts.Concat(second.Posts).Select(p => p.ChannelId).ToList();
            Assert.Equal(Enumerable.Range(0, count).Select(i => $"room-{i}").Order(), posted.Order());
            Assert.Equal(["node-a", "node-b"], nodes);
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }
}
