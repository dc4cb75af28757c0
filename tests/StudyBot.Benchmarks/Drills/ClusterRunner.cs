namespace StudyBot.Benchmarks.Drills;

/// <summary>
/// <c>-- cluster</c>: the issue-14 drills of three nodes on one PostgreSQL, each against a fake in
/// this process on loopback: the Discord fan-out, the Slack fan-out, the answer burst.
/// </summary>
public static class ClusterRunner
{
    private const string DiscordToken = "-token.discord.fake";
    private const int DiscordChannels = 1_000, SlackChannels = 200, SlackWorkspacePerSecond = 10;

    /// <summary>All three, or one: "discord", "slack" or "burst".</summary>
    public static async Task<int> RunAsync(string? only = null) =>
        await DrillRunner.RunAsync(only switch
        {
            "discord" => [DiscordFanOutAsync],
            "slack" => [SlackFanOutAsync],
            "burst" => [ClusterBurstDrill.RunAsync],
            _ => [DiscordFanOutAsync, SlackFanOutAsync, ClusterBurstDrill.RunAsync],
        });

    private static async Task<DrillResult> DiscordFanOutAsync()
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.RateLimits = new FakeRateLimits(50);
        using var stopServing = new CancellationTokenSource();
        var gateways = ServeGatewaysAsync(fake, stopServing.Token);
        var posts = new PostLog();
        fake.Responded += (request, status) =>
        {
            if (request.Method == "POST" && request.Path.StartsWith("channels/", StringComparison.Ordinal) && request.Path.EndsWith("/messages", StringComparison.Ordinal))
                posts.Add(PostLog.NodeOf(request.Authorization), request.Path.Split('/')[1], status);
        };
        var result = await ClusterFanOutDrill.RunAsync(new ClusterFanOutDrill.Platform("Discord", "discord", DiscordChannels, 50, posts,
            () => fake.RateLimits.GlobalRejections + fake.RateLimits.BucketRejections,
            i => $"{900_000 + i}",
            node => DiscordSettings(fake, node),
            // Shards are leased: only the node holding the one shard opens a gateway, so no node's start waits for one.
            () => Task.CompletedTask));
        await stopServing.CancelAsync();
        await gateways;
        return result;
    }

    /// <summary>Answers every gateway connection, whichever node opens it, until <paramref name="stop"/>.</summary>
    private static async Task ServeGatewaysAsync(FakeDiscord fake, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await HandshakeAsync(fake, TimeSpan.FromSeconds(5));
            }
            catch (Exception) when (!stop.IsCancellationRequested)
            {
                // No connection in that time (or one that dropped mid-handshake): keep listening.
            }
            catch (Exception)
            {
                return;
            }
        }
    }

    private static async Task<DrillResult> SlackFanOutAsync()
    {
        await using var slack = await FakeSlack.StartAsync();
        slack.RateLimits = new FakeSlackRateLimits(SlackWorkspacePerSecond);
        var posts = new PostLog();
        slack.Responded += (call, status) =>
        {
            if (call.Method == "chat.postMessage") posts.Add(PostLog.NodeOf(call.Authorization), call.Arg("channel") ?? "", status);
        };
        return await ClusterFanOutDrill.RunAsync(new ClusterFanOutDrill.Platform("Slack", "slack", SlackChannels, SlackWorkspacePerSecond, posts,
            () => slack.RateLimits.Rejections,
            i => $"C{i:D6}",
            node =>
            [
                $"--StudyBot:Slack:AppToken=xapp-1-{Cluster.NodeName(node)}",
                $"--StudyBot:Slack:BotToken=xoxb-{Cluster.NodeName(node)}",
                $"--StudyBot:Slack:ApiBaseUrl={slack.ApiBaseUrl}",
                // Each node is told the workspace's whole rate, as an operator sets it today.
                $"--StudyBot:Slack:WorkspaceMessagesPerSecond={SlackWorkspacePerSecond}",
            ],
            () => slack.NextSocketAsync(TimeSpan.FromSeconds(60))));
    }

    /// <summary>A node's Discord settings: its own token (so the fake can tell the nodes apart), the fake's URLs.</summary>
    public static string[] DiscordSettings(FakeDiscord fake, int node) =>
    [
        $"--StudyBot:Discord:Token={Cluster.NodeName(node)}{DiscordToken}",
        $"--StudyBot:Discord:ApiBaseUrl={fake.ApiBase}",
        $"--StudyBot:Discord:GatewayUrl={fake.GatewayUrl}",
        "--StudyBot:Discord:IdentifySpacing=00:00:00",
    ];

    /// <summary>The fake's side of the next gateway connection: hello, the identify, ready. Returns the connection and its identify.</summary>
    public static async Task<(FakeGatewayConnection Connection, System.Text.Json.JsonElement Identify)> HandshakeAsync(FakeDiscord fake, TimeSpan? wait = null)
    {
        var gateway = await fake.NextConnectionAsync(wait ?? TimeSpan.FromSeconds(60));
        await gateway.HelloAsync();
        var identify = await gateway.ExpectAsync(2, TimeSpan.FromSeconds(30));
        await gateway.ReadyAsync(resumeUrl: fake.ResumeUrl);
        return (gateway, identify);
    }
}
