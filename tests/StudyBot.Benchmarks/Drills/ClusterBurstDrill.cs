using System.Diagnostics;
using Dapper;
using StudyBot.Benchmarks.Measuring;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;

namespace StudyBot.Benchmarks.Drills;

/// <summary>
/// Issue 14 on leased shards: three nodes, ShardCount 3, the shards claimed through the database (one
/// per node once spread); a question open in one channel per shard, each channel in a guild of that
/// shard; 6,000 clicks dealt to the session of the shard that owns their guild (<see cref="BurstClicks"/>).
/// A third of the way in, the node running shard 1 is killed (kill -9); its unacknowledged clicks are
/// redelivered once a live node identifies shard 1. Checked: every click acknowledged exactly once, every
/// "Answer recorded" has its row, nobody recorded twice, rows = clicks, no shard with two sessions at once.
/// Reported: the take-over (kill → IDENTIFY of shard 1 by a live node) and the leases that bound it.
/// </summary>
public static class ClusterBurstDrill
{
    private const int Shards = 3, Clicks = 6_000, InFlight = 64, KillAfterAnswers = 2_000, VictimShard = 1;

    public static async Task<DrillResult> RunAsync()
    {
        const string drill = "cluster answer burst: 3 nodes on 3 leased shards, kill -9 of one mid-burst, its unanswered clicks redelivered on its shard's new session";
        await using var cluster = await Cluster.StartDatabaseAsync(drill);
        if (cluster is null) return new DrillResult(drill, true, "skipped: no PostgreSQL server binaries");
        await using var fake = await FakeDiscord.StartAsync();
        var sessions = new FakeShardSessions(fake, Shards);
        using var stopServing = new CancellationTokenSource();
        var serving = sessions.RunAsync(stopServing.Token);
        try
        {
            return await BurstAsync(drill, cluster, fake, sessions);
        }
        finally
        {
            await stopServing.CancelAsync();
            await serving;
        }
    }

    private static async Task<DrillResult> BurstAsync(string drill, Cluster cluster, FakeDiscord fake, FakeShardSessions sessions)
    {
        for (var node = 0; node < Cluster.Size; node++)
            await cluster.StartNodeAsync(node, TimeSpan.Zero, [.. ClusterRunner.DiscordSettings(fake, node), $"--StudyBot:Discord:ShardCount={Shards}"], () => Task.CompletedTask);
        var startedAt = Stopwatch.GetTimestamp();
        // The first node claims all three; each later one is handed shards back a renewal round after it is counted.
        while (Holders(sessions) is var holders && (holders.Contains(-1) || holders.Distinct().Count() < Shards))
        {
            if (Stopwatch.GetElapsedTime(startedAt) > TimeSpan.FromSeconds(120))
                return new DrillResult(drill, false, $"the shards were not spread one per node within 120 s of the last start: holders {string.Join(", ", holders)}");
            await Task.Delay(200);
        }
        var spreadIn = Stopwatch.GetElapsedTime(startedAt);

        var channels = new List<(string Guild, string Channel, string ButtonId)>();
        var posts = new List<long>();
        for (var shard = 0; shard < Shards; shard++)
        {
            var (guild, channel) = (sessions.GuildOn(shard), $"cluster-burst-{shard}");
            var (postId, buttonId) = await OpenQuestionAsync(cluster, fake, sessions.Current(shard)!, guild, channel);
            channels.Add((guild, channel, buttonId));
            posts.Add(postId);
        }

        using var clicks = new BurstClicks(sessions, channels, Clicks, InFlight);
        var victim = PostLog.NodeOf(sessions.Current(VictimShard)!.Token);
        var fromDeadAfterKill = 0;
        void OnRequest(RecordedRequest request)
        {
            clicks.Received(request);
            if (cluster.KilledAt != 0 && request.At > cluster.KilledAt && PostLog.NodeOf(request.Authorization) == victim) Interlocked.Increment(ref fromDeadAfterKill);
        }
        fake.RequestReceived += OnRequest;
        var started = Stopwatch.GetTimestamp();
        var sending = clicks.SendAllAsync();
        while (clicks.Acknowledged < KillAfterAnswers && !sending.IsCompleted) await Task.Delay(5);
        var beforeKill = Stopwatch.GetElapsedTime(started);
        var answeredAtKill = clicks.Acknowledged;
        cluster.Kill(victim);
        var leases = LeasesLeft(cluster, victim);

        await Task.WhenAny(Task.WhenAll(sending, clicks.AllAcknowledged), Task.Delay(TimeSpan.FromMinutes(3)));
        var complete = clicks.AllAcknowledged.IsCompleted;
        // A sender gives up when its shard has no session for 90 s: no take-over.
        var senderError = sending.Exception?.InnerException?.Message is { } error ? $"; sending stopped: {error}" : "";
        var elapsed = Stopwatch.GetElapsedTime(started);
        await Task.Delay(2000); // a late second callback would come now
        fake.RequestReceived -= OnRequest;

        var takeOver = sessions.All.FirstOrDefault(s => s.Shard == VictimShard && s.IdentifiedAt > cluster.KilledAt);
        var takeOverText = takeOver is null
            ? "no live node identified the dead node's shard"
            : $"take-over {Stopwatch.GetElapsedTime(cluster.KilledAt, takeOver.IdentifiedAt).TotalSeconds:0.0} s (kill → IDENTIFY of shard {VictimShard} by {Cluster.NodeName(PostLog.NodeOf(takeOver.Token))})";
        var recorded = clicks.Replies.Where(r => r.Value.Any(b => b.Contains("Answer recorded", StringComparison.Ordinal))).Select(r => r.Key).ToList();
        var recordedTwice = clicks.Replies.Count(r => r.Value.Count(b => b.Contains("Answer recorded", StringComparison.Ordinal)) > 1);
        var ackedTwice = clicks.Acks.Count(a => a.Value > 1);
        var unanswered = Clicks - clicks.Acks.Count;
        var deferred = clicks.Replies.Count(r => r.Value.Count > 1);
        var twoSessions = fake.Shards.Violations.Count(v => v.Contains("two sessions", StringComparison.Ordinal));
        using var connection = cluster.Open();
        var rows = connection.Query<string>(
            "SELECT u.external_id FROM answers a JOIN users u ON u.id = a.user_id WHERE a.post_id = ANY(@posts)", new { posts = posts.ToArray() }).ToList();
        var rowUsers = rows.ToHashSet(StringComparer.Ordinal);
        var lost = recorded.Count(k => !rowUsers.Contains($"member-{k[1..]}"));
        var passed = complete && takeOver is not null && unanswered == 0 && ackedTwice == 0 && lost == 0 && recordedTwice == 0 && twoSessions == 0
            && rows.Count == rowUsers.Count && rowUsers.Count == Clicks;
        return new DrillResult(drill, passed,
            $"shards spread one per node {spreadIn.TotalSeconds:0.0} s after the last start; {Clicks:N0} clicks to the sessions of their guilds' shards, {InFlight} in flight, " +
            $"{Clicks / elapsed.TotalSeconds:0} answers/s overall ({answeredAtKill / beforeKill.TotalSeconds:0}/s before the kill); killed {Cluster.NodeName(victim)} (shard {VictimShard}) after {answeredAtKill:N0} answers, " +
            $"its leases then had {leases} left; {takeOverText}; {clicks.Redelivered} clicks redelivered on the new session ({fromDeadAfterKill} replies signed by the dead node arrived after the kill); " +
            $"{unanswered} never acknowledged, {ackedTwice} acknowledged twice, {deferred} answered late (deferred, then @original edited); {recorded.Count:N0} 'Answer recorded', {recordedTwice} twice, " +
            $"{lost} acknowledged and lost; {rows.Count:N0} rows for {rowUsers.Count:N0} users; {twoSessions} times a shard had two sessions{senderError}");
    }

    /// <summary>The node running each shard's session now (-1: none).</summary>
    private static int[] Holders(FakeShardSessions sessions) =>
        Enumerable.Range(0, Shards).Select(s => sessions.Current(s) is { } session ? PostLog.NodeOf(session.Token) : -1).ToArray();

    /// <summary>What the dead node's shard and presence leases had left at the kill: the wait before a live node may claim the shard.</summary>
    private static string LeasesLeft(Cluster cluster, int victim)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var connection = cluster.Open();
        var leases = connection.Query<(string Name, long ExpiresAt)>("SELECT name, expires_at FROM cluster_leases WHERE holder = @holder ORDER BY name",
            new { holder = Cluster.NodeName(victim) });
        return string.Join(" and ", leases.Select(l => $"{l.Name} {(l.ExpiresAt - now) / 1000.0:0.0} s"));
    }

    /// <summary>/study setup and /study now in the channel, through its shard's session; the post and the id of the button that answers it.</summary>
    private static async Task<(long PostId, string ButtonId)> OpenQuestionAsync(Cluster cluster, FakeDiscord fake, ShardSession session, string guild, string channel)
    {
        var setup = Payloads.SlashCommand($"setup-{channel}", "study",
            [Payloads.SubCommand("setup", Payloads.Option("time", "09:00"), Payloads.Option("timezone", "UTC"))], channelId: channel, permissions: Payloads.ManageChannels);
        setup["guild_id"] = guild;
        await session.DispatchAsync("INTERACTION_CREATE", setup);
        await fake.WaitForRequestAsync(r => r.Is("POST", $"interactions/setup-{channel}/"), TimeSpan.FromSeconds(60));
        var now = Payloads.SlashCommand($"now-{channel}", "study", [Payloads.SubCommand("now")], channelId: channel, permissions: Payloads.ManageChannels);
        now["guild_id"] = guild;
        await session.DispatchAsync("INTERACTION_CREATE", now);
        await fake.WaitForRequestAsync(r => r.Is("POST", $"channels/{channel}/messages"), TimeSpan.FromSeconds(60));
        using var connection = cluster.Open();
        var post = await connection.QuerySingleAsync<(long Id, string Pack, string Question)>(
            "SELECT p.id, p.pack_id, p.question_id FROM posts p JOIN channels c ON c.id = p.channel_id WHERE c.external_id = @channel AND p.closed_at IS NULL",
            new { channel });
        using var dir = new TempDirectory();
        using var catalog = new BotCore(dir.File("catalog.db"), Repository.Content);
        var question = catalog.Get<ContentCatalog>().Find(post.Pack)!.FindQuestion(post.Question)!;
        // A "choose two" question is answered by the second click, which carries the first pick.
        return (post.Id, question.ChoicesToPick == 2 ? ButtonIds.Daily(post.Id, 1, 0) : ButtonIds.Daily(post.Id, 0));
    }
}
