using System.Diagnostics;
using Dapper;
using StudyBot.Benchmarks.Measuring;

namespace StudyBot.Benchmarks.Drills;

/// <summary>
/// Issue 14: three nodes on one PostgreSQL, every channel due the same minute, kill -9 of the busiest
/// node once half the channels are posted. Every channel must be posted exactly once (the fake counts
/// accepted posts per channel), with no 429 across the cluster, within 1.05 × the platform's bound plus
/// the take-over time: from the kill to the first post, by another node, of a channel whose trigger the
/// dead node held (acquired or executing in qrtz_fired_triggers at the kill).
/// </summary>
public static class ClusterFanOutDrill
{
    /// <summary>One platform's side of the drill: its fake, the node settings that point at it, and its rate.</summary>
    public sealed record Platform(string Name, string PlatformId, int Channels, int PerSecond, PostLog Posts, Func<int> RateLimited,
        Func<int, string> ChannelName, Func<int, string[]> NodeSettings, Func<Task> NodeConnected);

    private static readonly DateTimeOffset Due = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(75);

    public static async Task<DrillResult> RunAsync(Platform platform)
    {
        var drill = $"cluster fan-out, {platform.Name}: 3 nodes, {platform.Channels:N0} channels due together, kill -9 of one halfway";
        await using var cluster = await Cluster.StartDatabaseAsync(drill);
        if (cluster is null) return new DrillResult(drill, true, "skipped: no PostgreSQL server binaries");
        using (var connection = cluster.Open())
        {
            await connection.ExecuteAsync(
                "INSERT INTO channels (platform, external_id, enabled, post_time, time_zone, pack_id, leaderboard_enabled) VALUES (@Platform, @Id, true, '09:00', 'UTC', 'aws-saa', false)",
                Enumerable.Range(0, platform.Channels).Select(i => new { Platform = platform.PlatformId, Id = platform.ChannelName(i) }));
        }

        // Every node's clock reads 09:00 at the same instant, Lead from now: time for three starts.
        var dueAt = Stopwatch.GetTimestamp() + (long)(Lead.TotalSeconds * Stopwatch.Frequency);
        var offset = Due - (DateTimeOffset.UtcNow + Lead);
        for (var node = 0; node < Cluster.Size; node++)
            await cluster.StartNodeAsync(node, offset, platform.NodeSettings(node), platform.NodeConnected);
        var startedBy = Stopwatch.GetElapsedTime(dueAt);
        if (startedBy > TimeSpan.Zero) return new DrillResult(drill, false, $"the three nodes took {startedBy.TotalSeconds:0.0} s longer than the {Lead.TotalSeconds:0} s lead to start; raise it");
        Console.Error.WriteLine($"{drill}: nodes up {-startedBy.TotalSeconds:0.0} s before the minute ...");

        var half = platform.Channels / 2;
        var limit = dueAt + 180 * Stopwatch.Frequency;
        while (platform.Posts.Accepted < half && Stopwatch.GetTimestamp() < limit) await Task.Delay(20);
        var victim = Enumerable.Range(0, Cluster.Size).MaxBy(n => platform.Posts.Attempts.Count(a => a.Accepted && a.Node == n));
        var acceptedAtKill = platform.Posts.Accepted;
        cluster.Kill(victim);
        var held = cluster.FiredTriggersOf(victim);
        var heldChannels = ChannelsOf(cluster, held);
        Console.Error.WriteLine($"{drill}: killed {Cluster.NodeName(victim)} after {acceptedAtKill} posts; it held {held.Count} triggers");

        // The dead node's triggers wait for the check-in threshold (15 s) before another node recovers them.
        var deadline = cluster.KilledAt + 120 * Stopwatch.Frequency;
        while (platform.Posts.Attempts.Where(a => a.Accepted).Select(a => a.Channel).Distinct().Count() < platform.Channels && Stopwatch.GetTimestamp() < deadline)
            await Task.Delay(200);
        await Task.Delay(3000); // a second post would come now

        var attempts = platform.Posts.Attempts;
        var accepted = attempts.Where(a => a.Accepted).ToList();
        var perChannel = accepted.GroupBy(a => a.Channel).ToDictionary(g => g.Key, g => g.Count());
        var missing = Enumerable.Range(0, platform.Channels).Select(platform.ChannelName).Where(c => !perChannel.ContainsKey(c)).ToList();
        var twice = perChannel.Count(c => c.Value > 1);
        // Every 429 the fake sent counts, not only the posts': a post's follow-up requests share the budget.
        var rateLimited = platform.RateLimited();
        var postsRateLimited = attempts.Count(a => a.Status == 429);
        var seconds = accepted.Count == 0 ? double.NaN : Stopwatch.GetElapsedTime(dueAt, accepted.Max(a => a.At)).TotalSeconds;
        var takeOver = accepted.Where(a => a.Node != victim && a.At > cluster.KilledAt && heldChannels.Contains(a.Channel)).Select(a => a.At).DefaultIfEmpty().Min();
        var takeOverSeconds = takeOver == 0 ? double.NaN : Stopwatch.GetElapsedTime(cluster.KilledAt, takeOver).TotalSeconds;
        var heldNeverPosted = heldChannels.Count(c => !perChannel.ContainsKey(c));
        var reservedUnsent = ReservedUnsent(cluster);
        var missingReserved = missing.Count(reservedUnsent.Contains);
        var bound = (double)platform.Channels / platform.PerSecond;
        var limitSeconds = 1.05 * bound + (double.IsNaN(takeOverSeconds) ? 0 : takeOverSeconds);
        var byNode = string.Join(", ", Enumerable.Range(0, Cluster.Size).Select(n => $"{Cluster.NodeName(n)} {accepted.Count(a => a.Node == n)}"));
        var rejectedByNode = string.Join(", ", Enumerable.Range(0, Cluster.Size).Select(n => $"{attempts.Count(a => a.Node == n && a.Status == 429)}"));

        var passed = missing.Count == 0 && twice == 0 && rateLimited == 0 && !double.IsNaN(takeOverSeconds) && seconds <= limitSeconds;
        return new DrillResult(drill, passed,
            $"{perChannel.Count(c => c.Value == 1):N0} of {platform.Channels:N0} channels posted exactly once, {missing.Count} never ({missingReserved} of them with today's post row reserved and no message id), {twice} twice; " +
            $"{rateLimited} × 429 from the fake, {postsRateLimited} of them on posts (per node {rejectedByNode}); accepted posts per node: {byNode}; " +
            $"killed {Cluster.NodeName(victim)} after {acceptedAtKill} posts, holding {held.Count} triggers ({heldNeverPosted} of their channels never posted); " +
            $"take-over {(double.IsNaN(takeOverSeconds) ? "never (no other node posted a channel the dead one held)" : $"{takeOverSeconds:0.0} s")}; " +
            $"last post {ResultTable.Number(seconds)} s after the minute, limit 1.05 × {bound:0} s + take-over = {limitSeconds:0.0} s");
    }

    /// <summary>Channels whose post for the drill's day is reserved in the database but has no message id: a send that never finished.</summary>
    private static HashSet<string> ReservedUnsent(Cluster cluster)
    {
        using var connection = cluster.Open();
        return connection.Query<string>(
            "SELECT c.external_id FROM posts p JOIN channels c ON c.id = p.channel_id WHERE p.local_date = @day AND p.message_id IS NULL",
            new { day = Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }).ToHashSet();
    }

    /// <summary>The external ids of the channels behind daily triggers ("daily-{channel row id}").</summary>
    private static HashSet<string> ChannelsOf(Cluster cluster, IReadOnlyList<string> triggers)
    {
        var ids = triggers.Where(t => t.StartsWith("daily-", StringComparison.Ordinal)).Select(t => long.Parse(t["daily-".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        using var connection = cluster.Open();
        return connection.Query<string>("SELECT external_id FROM channels WHERE id = ANY(@ids)", new { ids }).ToHashSet();
    }
}
