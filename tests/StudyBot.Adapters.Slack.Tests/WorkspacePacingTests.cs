using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack.Tests;

/// <summary>chat.postMessage paced across the workspace (StudyBot:Slack:WorkspaceMessagesPerSecond), judged by what the fake Slack receives.</summary>
public sealed class WorkspacePacingTests
{
    private const int PerSecond = 3;
    private static readonly ChatMessage Message = ChatMessage.Text("Question of the day", "Which EBS volume type is the default?");

    [Fact]
    public async Task Posts_to_many_channels_at_once_never_exceed_the_workspace_rate_and_all_arrive()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.RateLimits = new FakeSlackRateLimits(PerSecond);
        await using var host = await StartAsync(slack);
        var channels = Channels(9);

        await Task.WhenAll(channels.Select(channel => host.Platform.PostAsync(channel, Message, CancellationToken.None)));

        var posts = slack.Calls.All.Where(c => c.Method == "chat.postMessage").ToList();
        Assert.True(BusiestSecond(posts) <= PerSecond,
            $"{BusiestSecond(posts)} posts within one second, limit {PerSecond}; received at {string.Join(", ", posts.Select(p => p.At.ToString("ss.fff")))}");
        Assert.Equal(0, slack.RateLimits.Rejections);
        Assert.Equal(channels, posts.Select(p => p.Arg("channel")!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Updates_go_out_while_posts_wait_for_the_workspace_rate()
    {
        await using var slack = await FakeSlack.StartAsync();
        await using var host = await StartAsync(slack);
        var channels = Channels(9);
        var posting = channels.Select(channel => host.Platform.PostAsync(channel, Message, CancellationToken.None)).ToList();
        await slack.Calls.WaitForCountAsync(c => c.Method == "chat.postMessage", PerSecond);

        await host.Platform.EditAsync("C0OTHER", "1700000000.000001", Message, CancellationToken.None);

        var update = await slack.CallAsync("chat.update");
        var postsBeforeUpdate = slack.Calls.Count(c => c.Method == "chat.postMessage" && c.At <= update.At);
        // Queued behind the pacer, the update would come after all nine posts; sent at once, before most of them.
        Assert.True(postsBeforeUpdate < channels.Count,
            $"the update arrived after {postsBeforeUpdate} of {channels.Count} posts: it waited behind them, or the posts were never paced");
        await Task.WhenAll(posting);
    }

    private static Task<SlackTestHost> StartAsync(FakeSlack slack) =>
        SlackTestHost.StartAsync(slack, new RecordingInbox(), s => s["StudyBot:Slack:WorkspaceMessagesPerSecond"] = PerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static List<string> Channels(int count) => [.. Enumerable.Range(0, count).Select(i => $"C0FAN{i:D2}")];

    /// <summary>The most posts the fake received within one second of any post's arrival.</summary>
    private static int BusiestSecond(List<ApiCall> posts) =>
        posts.Max(first => posts.Count(p => p.At >= first.At && p.At < first.At + TimeSpan.FromSeconds(1)));
}
