using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace StudyBot.Testing.Discord;

/// <summary>One shard's gateway session as the fake serves it: the connection, the token that identified it, when.</summary>
public sealed class ShardSession(int shard, FakeGatewayConnection connection, string token, long identifiedAt)
{
    private long _sequence = 1;

    public int Shard => shard;
    public FakeGatewayConnection Connection => connection;

    /// <summary>The bot token in the IDENTIFY: which node runs the session.</summary>
    public string Token => token;

    /// <summary>Stopwatch timestamp of the IDENTIFY's arrival.</summary>
    public long IdentifiedAt => identifiedAt;

    /// <summary>A dispatch on this session, with the session's next sequence number (READY was 1).</summary>
    public Task DispatchAsync(string name, JsonNode data) => connection.DispatchAsync(name, Interlocked.Increment(ref _sequence), data);
}

/// <summary>
/// Discord's side of a sharded bot: every gateway connection is served (HELLO, the IDENTIFY, READY) by
/// whichever node opens it, each shard's live session is known, and an event for a guild goes to the
/// session of the shard that owns it, <c>(guild_id &gt;&gt; 22) % shard_count</c>, as Discord routes it. A
/// shard whose connection drops has no session until a node identifies it again.
/// </summary>
public sealed class FakeShardSessions(FakeDiscord fake, int shardCount)
{
    private readonly ConcurrentDictionary<int, ShardSession> _current = new();
    private readonly ConcurrentQueue<ShardSession> _all = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int ShardCount => shardCount;

    /// <summary>Every session identified so far, oldest first.</summary>
    public IReadOnlyList<ShardSession> All => _all.ToList();

    /// <summary>The shard that receives a guild's events.</summary>
    public int ShardOf(string guildId) => (int)((ulong.Parse(guildId, CultureInfo.InvariantCulture) >> 22) % (ulong)shardCount);

    /// <summary>A guild id (a snowflake) that lands on <paramref name="shard"/>; <paramref name="n"/> picks another one.</summary>
    public string GuildOn(int shard, int n = 0) => (((ulong)(shardCount * (n + 1) + shard)) << 22).ToString(CultureInfo.InvariantCulture);

    /// <summary>The shard's live session, or null while it has none.</summary>
    public ShardSession? Current(int shard) => _current.GetValueOrDefault(shard);

    /// <summary>The shard's live session, waiting up to <paramref name="wait"/> for one when it has none.</summary>
    public async Task<ShardSession> SessionAsync(int shard, TimeSpan wait)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (Current(shard) is { } session) return session;
                changed = _changed.Task;
            }
            var left = TimeSpan.FromSeconds((double)(deadline - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);
            if (left <= TimeSpan.Zero || await Task.WhenAny(changed, Task.Delay(left)) != changed)
                throw new TimeoutException($"no node identified shard {shard} within {wait.TotalSeconds:0} s");
        }
    }

    /// <summary>Serves every gateway connection until <paramref name="stop"/>.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            FakeGatewayConnection connection;
            try
            {
                // A short wait, so a stop is seen soon; a channel read cancelled by its timeout loses nothing.
                connection = await fake.NextConnectionAsync(TimeSpan.FromSeconds(1));
            }
            catch (OperationCanceledException)
            {
                continue;
            }
            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(FakeGatewayConnection connection)
    {
        try
        {
            await connection.HelloAsync();
            var identify = await connection.ExpectAsync(2, TimeSpan.FromSeconds(30));
            var at = Stopwatch.GetTimestamp();
            var d = identify.GetProperty("d");
            var shard = d.GetProperty("shard")[0].GetInt32();
            await connection.ReadyAsync(sessionId: $"session-shard-{shard}-{Guid.NewGuid():N}", resumeUrl: fake.ResumeUrl);
            var session = new ShardSession(shard, connection, d.GetProperty("token").GetString() ?? "", at);
            _all.Enqueue(session);
            Publish(() => _current[shard] = session);
            await connection.Closed;
            Publish(() => _current.TryRemove(new KeyValuePair<int, ShardSession>(shard, session)));
        }
        catch (Exception e) when (e is OperationCanceledException or System.Net.WebSockets.WebSocketException or InvalidOperationException)
        {
            // The client went away during the handshake, or sent a RESUME: the fake starts no session for it.
        }
    }

    private void Publish(Action change)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            change();
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }
}
