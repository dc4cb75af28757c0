using System.Diagnostics;
using Xunit.Abstractions;

namespace StudyBot.Adapters.Slack.Tests;

public sealed class BurstTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Burst_of_clicks_from_many_users_is_each_handled_once_and_acked_within_3_s()
    {
        const int clicks = 1000;
        await using var slack = await FakeSlack.StartAsync();
        var inbox = new RecordingInbox();
        await using var host = await SlackTestHost.StartAsync(slack, inbox);
        var socket = await slack.NextSocketAsync();

        var sentAt = new long[clicks];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < clicks; i++)
        {
            sentAt[i] = Stopwatch.GetTimestamp();
            await socket.SendAsync(SlackEnvelopes.BlockAction($"env-{i}", "sb:a:42:1:-1", slack.ResponseUrl($"r{i}"), userId: $"U{i:D6}"));
        }
        await socket.Received.WaitForCountAsync(_ => true, clicks, TimeSpan.FromSeconds(30));
        clock.Stop();

        var latencies = Enumerable.Range(0, clicks)
            .Select(i => Stopwatch.GetElapsedTime(sentAt[i], socket.FirstAckAt[$"env-{i}"])).Order().ToList();
        output.WriteLine($"{clicks} clicks acked in {clock.Elapsed.TotalMilliseconds:0} ms ({clicks / clock.Elapsed.TotalSeconds:0}/s); " +
            $"receipt-to-ack p50 {latencies[clicks / 2].TotalMilliseconds:0.0} ms, p99 {latencies[clicks * 99 / 100].TotalMilliseconds:0.0} ms, max {latencies[^1].TotalMilliseconds:0.0} ms");
        Assert.True(latencies[^1] < TimeSpan.FromSeconds(3), $"slowest ack took {latencies[^1]}");
        Assert.Equal(clicks, inbox.Clicks.All.Select(c => c.Context.User.UserId).Distinct().Count());
        Assert.Equal(clicks, inbox.Clicks.All.Count);
        Assert.All(Enumerable.Range(0, clicks), i => Assert.Equal(1, socket.AckCount($"env-{i}")));
    }
}
