using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace StudyBot.Testing.Discord;

/// <summary>An IDENTIFY the fake gateway received: the shard it named and when it arrived.</summary>
public sealed record IdentifyRecord(int ShardId, int ShardCount, long At);

/// <summary>
/// What the fake gateway knows of sharding, as Discord defines it: IDENTIFY carries <c>shard: [id, count]</c>
/// with id below count; shards share an identify bucket when <c>shard_id % max_concurrency</c> is equal, and
/// a bucket takes one IDENTIFY per <see cref="IdentifyWindow"/> (5 s on Discord). Every breach is recorded.
/// </summary>
public sealed class FakeShards
{
    private readonly ConcurrentQueue<IdentifyRecord> _identifies = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentDictionary<int, int> _open = new();
    private readonly Lock _gate = new();

    /// <summary><c>shards</c> in <c>GET /gateway/bot</c>.</summary>
    public int Recommended { get; set; } = 1;

    /// <summary><c>session_start_limit.max_concurrency</c> in <c>GET /gateway/bot</c>.</summary>
    public int MaxConcurrency { get; set; } = 1;

    public TimeSpan IdentifyWindow { get; set; } = TimeSpan.FromSeconds(5);

    public IReadOnlyCollection<IdentifyRecord> Identifies => _identifies;

    /// <summary>Broken sharding rules, in words: a bad shard array, two identifies of one bucket too close, a shard open twice.</summary>
    public IReadOnlyCollection<string> Violations => _violations;

    /// <summary>Sessions open now (identified, not yet closed) per shard id.</summary>
    public int OpenSessions(int shardId) => _open.TryGetValue(shardId, out var count) ? count : 0;

    /// <summary>Records an IDENTIFY; returns the shard id it named (null when it named none).</summary>
    internal int? Identified(JsonElement identify)
    {
        if (!identify.GetProperty("d").TryGetProperty("shard", out var shard) || shard.ValueKind != JsonValueKind.Array || shard.GetArrayLength() != 2)
        {
            _violations.Enqueue($"IDENTIFY without a [shard_id, num_shards] array: {identify}");
            return null;
        }
        var (id, count) = (shard[0].GetInt32(), shard[1].GetInt32());
        if (count < 1 || id < 0 || id >= count) _violations.Enqueue($"IDENTIFY with an invalid shard [{id}, {count}]");
        var at = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            var key = id % MaxConcurrency;
            if (_identifies.Where(i => i.ShardId % MaxConcurrency == key).Select(i => (long?)i.At).LastOrDefault() is { } last
                && Stopwatch.GetElapsedTime(last, at) < IdentifyWindow)
                _violations.Enqueue($"shard {id} identified {Stopwatch.GetElapsedTime(last, at).TotalMilliseconds:F0} ms after another of rate_limit_key {key}");
            if (_identifies.Any(i => i.ShardCount != count)) _violations.Enqueue($"IDENTIFY with num_shards {count} unlike earlier ones");
            _identifies.Enqueue(new IdentifyRecord(id, count, at));
        }
        if (_open.AddOrUpdate(id, 1, (_, open) => open + 1) > 1) _violations.Enqueue($"shard {id} has two sessions open at once");
        return id;
    }

    internal void Closed(int shardId) => _open.AddOrUpdate(shardId, 0, (_, open) => open - 1);
}
