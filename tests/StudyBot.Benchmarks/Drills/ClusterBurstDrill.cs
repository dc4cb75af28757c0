using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Dapper;
using StudyBot.Benchmarks.Measuring;
using StudyBot.Core.Chat;
using StudyBot.Core.Content;

namespace StudyBot.Benchmarks.Drills;

/// <summary>
/// Issue 14: an answer burst sent to all three nodes (the clicks dealt round-robin over their gateway
/// connections, 64 unanswered at most), kill -9 of one node a third of the way in, the clicks it had not
/// answered redelivered to the live nodes (the rest go to them too). Checked: every click acknowledged
/// "Answer recorded" has its row, no user has two rows or two "Answer recorded", every click is answered
/// in the end (acknowledged: the interaction callback, the reply or a deferral; the reply text may come later as an edit); reported: whether and when another node took over the dead node's gateway session.
/// </summary>
public static class ClusterBurstDrill
{
    private const int Clicks = 6_000, InFlight = 64, KillAfterAnswers = 2_000, Victim = 1;
    private const string Channel = "cluster-burst";

    public static async Task<DrillResult> RunAsync()
    {
        const string drill = "cluster answer burst: 3 nodes, kill -9 of one mid-burst, its unanswered clicks redelivered to the others";
        await using var cluster = await Cluster.StartDatabaseAsync(drill);
        if (cluster is null) return new DrillResult(drill, true, "skipped: no PostgreSQL server binaries");
        await using var fake = await FakeDiscord.StartAsync();
        var gateways = new FakeGatewayConnection[Cluster.Size];
        for (var node = 0; node < Cluster.Size; node++)
        {
            var n = node;
            await cluster.StartNodeAsync(node, TimeSpan.Zero, ClusterRunner.DiscordSettings(fake, node),
                async () => gateways[n] = (await ClusterRunner.HandshakeAsync(fake)).Connection);
        }
        var sequence = 1L;
        var buttonId = await OpenQuestionAsync(cluster, fake, gateways[0], () => ++sequence);
        var (postId, _) = await FindPostAsync(cluster);

        // The first callback per click (the reply, or a deferral when the core took longer than DeferAfter)
        // acknowledges it and releases its place in the window; a deferred reply comes as an edit of @original.
        var acks = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var replies = new ConcurrentDictionary<string, ConcurrentQueue<string>>(StringComparer.Ordinal);
        int answered = 0, fromDeadAfterKill = 0;
        var allAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var window = new SemaphoreSlim(InFlight);
        fake.RequestReceived += request =>
        {
            var parts = request.Path.Split('/');
            var click = parts switch
            {
                ["interactions", var id, _, "callback"] when request.Method == "POST" && id.StartsWith('k') => id,
                ["webhooks", _, var token, "messages", "@original"] when request.Method == "PATCH" && token.StartsWith("itoken-k", StringComparison.Ordinal) => token["itoken-".Length..],
                _ => null,
            };
            if (click is null) return;
            replies.GetOrAdd(click, _ => new ConcurrentQueue<string>()).Enqueue(request.Body);
            if (cluster.KilledAt != 0 && request.At > cluster.KilledAt && PostLog.NodeOf(request.Authorization) == Victim) Interlocked.Increment(ref fromDeadAfterKill);
            if (parts[0] != "interactions" || acks.AddOrUpdate(click, 1, (_, n) => n + 1) != 1) return;
            window.Release();
            if (Interlocked.Increment(ref answered) == Clicks) allAnswered.TrySetResult();
        };

        var sentTo = new int[Clicks];
        Task Send(int click, int node) => gateways[node].SendAsync(new JsonObject
        {
            ["op"] = 0, ["s"] = Interlocked.Increment(ref sequence), ["t"] = "INTERACTION_CREATE",
            ["d"] = Payloads.Button($"k{click}", buttonId, userId: $"member-{click}", channelId: Channel),
        });
        var live = Enumerable.Range(0, Cluster.Size).ToList();
        int answeredAtKill = 0, inFlightToVictim = 0;
        var redelivered = new List<int>();
        Task<(FakeGatewayConnection Connection, System.Text.Json.JsonElement Identify)>? takeOver = null;
        var started = Stopwatch.GetTimestamp();
        for (var click = 0; click < Clicks; click++)
        {
            if (live.Count == Cluster.Size && Volatile.Read(ref answered) >= KillAfterAnswers)
            {
                cluster.Kill(Victim);
                live.Remove(Victim);
                answeredAtKill = Volatile.Read(ref answered);
                inFlightToVictim = Enumerable.Range(0, click).Count(c => sentTo[c] == Victim && !acks.ContainsKey($"k{c}"));
                takeOver = ClusterRunner.HandshakeAsync(fake, TimeSpan.FromSeconds(45));
                await Task.Delay(1000); // what the dead node sent before it died reaches the fake
                redelivered = Enumerable.Range(0, click).Where(c => sentTo[c] == Victim && !acks.ContainsKey($"k{c}")).ToList();
                for (var i = 0; i < redelivered.Count; i++) await Send(redelivered[i], live[i % live.Count]);
            }
            await window.WaitAsync();
            sentTo[click] = live[click % live.Count];
            await Send(click, sentTo[click]);
        }
        var complete = await Task.WhenAny(allAnswered.Task, Task.Delay(TimeSpan.FromMinutes(3))) == allAnswered.Task;
        var elapsed = Stopwatch.GetElapsedTime(started);
        await Task.Delay(2000); // late second callbacks

        string resumed;
        try
        {
            var (_, identify) = await takeOver!;
            resumed = $"a new gateway session identified {Stopwatch.GetElapsedTime(cluster.KilledAt).TotalSeconds:0.0} s after the kill or sooner " +
                $"(shard {identify.GetProperty("d").GetProperty("shard")})";
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            resumed = "no node opened a new gateway session within 45 s of the kill (each node holds its own session of the one shard, 0 of 1, so the live two kept receiving)";
        }

        var recorded = replies.Where(r => r.Value.Any(b => b.Contains("Answer recorded", StringComparison.Ordinal))).Select(r => r.Key).ToList();
        var recordedTwice = replies.Count(r => r.Value.Count(b => b.Contains("Answer recorded", StringComparison.Ordinal)) > 1);
        var unanswered = Clicks - acks.Count;
        var deferred = replies.Count(r => r.Value.Count > 1);
        using var connection = cluster.Open();
        var rows = connection.Query<string>(
            "SELECT u.external_id FROM answers a JOIN users u ON u.id = a.user_id WHERE a.post_id = @postId", new { postId }).ToList();
        var rowUsers = rows.ToHashSet(StringComparer.Ordinal);
        var lost = recorded.Count(k => !rowUsers.Contains($"member-{k[1..]}"));
        var passed = complete && unanswered == 0 && lost == 0 && recordedTwice == 0 && rows.Count == rowUsers.Count && rowUsers.Count == Clicks;
        return new DrillResult(drill, passed,
            $"{Clicks:N0} clicks over 3 gateways, {InFlight} in flight, {Clicks / elapsed.TotalSeconds:0} answers/s; killed {Cluster.NodeName(Victim)} after {answeredAtKill:N0} answers " +
            $"with {inFlightToVictim} of its clicks unacknowledged ({fromDeadAfterKill} replies signed by it arrived after the kill); {redelivered.Count} still unacknowledged a second later and redelivered; {unanswered} clicks never acknowledged, {deferred} answered late (deferred, then @original edited); {recorded.Count:N0} 'Answer recorded', {recordedTwice} twice, " +
            $"{lost} acknowledged and lost; {rows.Count:N0} rows for {rowUsers.Count:N0} users; {resumed}");
    }

    /// <summary>/study setup and /study now through node 0; the id of the button that answers the posted question.</summary>
    private static async Task<string> OpenQuestionAsync(Cluster cluster, FakeDiscord fake, FakeGatewayConnection gateway, Func<long> nextSequence)
    {
        await gateway.DispatchAsync("INTERACTION_CREATE", nextSequence(), Payloads.SlashCommand("setup-1", "study",
            [Payloads.SubCommand("setup", Payloads.Option("time", "09:00"), Payloads.Option("timezone", "UTC"))], channelId: Channel, permissions: Payloads.ManageChannels));
        await fake.WaitForRequestAsync(r => r.Is("POST", "interactions/setup-1/"), TimeSpan.FromSeconds(60));
        await gateway.DispatchAsync("INTERACTION_CREATE", nextSequence(), Payloads.SlashCommand("now-1", "study", [Payloads.SubCommand("now")], channelId: Channel, permissions: Payloads.ManageChannels));
        await fake.WaitForRequestAsync(r => r.Is("POST", $"channels/{Channel}/messages"), TimeSpan.FromSeconds(60));
        var (postId, questionKey) = await FindPostAsync(cluster);
        using var dir = new TempDirectory();
        using var catalog = new BotCore(dir.File("catalog.db"), Repository.Content);
        var question = catalog.Get<ContentCatalog>().Find(questionKey.Pack)!.FindQuestion(questionKey.Question)!;
        // A "choose two" question is answered by the second click, which carries the first pick.
        return question.ChoicesToPick == 2 ? ButtonIds.Daily(postId, 1, 0) : ButtonIds.Daily(postId, 0);
    }

    private static async Task<(long PostId, (string Pack, string Question) Key)> FindPostAsync(Cluster cluster)
    {
        using var connection = cluster.Open();
        var post = await connection.QuerySingleAsync<(long Id, string Pack, string Question)>(
            "SELECT p.id, p.pack_id, p.question_id FROM posts p JOIN channels c ON c.id = p.channel_id WHERE c.external_id = @Channel AND p.closed_at IS NULL",
            new { Channel });
        return (post.Id, (post.Pack, post.Question));
    }
}
