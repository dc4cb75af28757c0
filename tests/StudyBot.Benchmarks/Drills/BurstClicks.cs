using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace StudyBot.Benchmarks.Drills;

/// <summary>
/// The answer burst's clicks and what the fake saw of them. Click <c>c</c> is member-<c>c</c>'s answer in
/// the channel of shard <c>c % shards</c>, dealt to that shard's session as Discord routes a guild's events;
/// at most <see cref="InFlight"/> are unacknowledged. When a shard's session changes (its node died, or
/// handed the shard back), the clicks sent on the old one and not acknowledged are redelivered on the new
/// one, as Discord does for the events of a session that never acknowledged them.
/// </summary>
public sealed class BurstClicks(FakeShardSessions sessions, IReadOnlyList<(string Guild, string Channel, string ButtonId)> shards, int clicks, int inFlight) : IDisposable
{
    private static readonly TimeSpan TakeOverWait = TimeSpan.FromSeconds(90);

    private readonly ShardSession?[] _sentOn = new ShardSession?[clicks];
    private readonly SemaphoreSlim _window = new(inFlight);
    private readonly TaskCompletionSource _allAcknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _acknowledged, _redelivered;

    public int InFlight => inFlight;

    /// <summary>Interaction callbacks per click id ("k12"): 1 for each click in the end, or the drill fails.</summary>
    public ConcurrentDictionary<string, int> Acks { get; } = new(StringComparer.Ordinal);

    /// <summary>Every reply body per click: callbacks and edits of <c>@original</c>.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<string>> Replies { get; } = new(StringComparer.Ordinal);

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    public int Redelivered => Volatile.Read(ref _redelivered);

    public Task AllAcknowledged => _allAcknowledged.Task;

    /// <summary>Feeds the fake's requests in: a click's first callback acknowledges it and frees its place in the window.</summary>
    public void Received(RecordedRequest request)
    {
        var parts = request.Path.Split('/');
        var click = parts switch
        {
            ["interactions", var id, _, "callback"] when request.Method == "POST" && id.StartsWith('k') => id,
            ["webhooks", _, var token, "messages", "@original"] when request.Method == "PATCH" && token.StartsWith("itoken-k", StringComparison.Ordinal) => token["itoken-".Length..],
            _ => null,
        };
        if (click is null) return;
        Replies.GetOrAdd(click, _ => new ConcurrentQueue<string>()).Enqueue(request.Body);
        if (parts[0] != "interactions" || Acks.AddOrUpdate(click, 1, (_, n) => n + 1) != 1) return;
        _window.Release();
        if (Interlocked.Increment(ref _acknowledged) == clicks) _allAcknowledged.TrySetResult();
    }

    /// <summary>Sends every click of every shard, one sender per shard, so a shard without a session holds up only its own clicks.</summary>
    public Task SendAllAsync() => Task.WhenAll(Enumerable.Range(0, shards.Count).Select(SendShardAsync));

    private async Task SendShardAsync(int shard)
    {
        ShardSession? last = null;
        for (var click = shard; click < clicks; click += shards.Count)
        {
            while (true)
            {
                var session = await sessions.SessionAsync(shard, TakeOverWait);
                if (last is not null && session != last) await RedeliverAsync(shard, last, session);
                last = session;
                await _window.WaitAsync();
                try
                {
                    _sentOn[click] = session;
                    await session.DispatchAsync("INTERACTION_CREATE", Payload(click));
                    break;
                }
                catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or ObjectDisposedException or InvalidOperationException)
                {
                    // The connection died under the send: this click waits for the shard's next session.
                    _sentOn[click] = null;
                    _window.Release();
                    await Task.Delay(50);
                }
            }
        }
    }

    private async Task RedeliverAsync(int shard, ShardSession from, ShardSession to)
    {
        for (var click = shard; click < clicks; click += shards.Count)
        {
            if (_sentOn[click] != from || Acks.ContainsKey($"k{click}")) continue;
            _sentOn[click] = to;
            Interlocked.Increment(ref _redelivered);
            await to.DispatchAsync("INTERACTION_CREATE", Payload(click));
        }
    }

    private JsonObject Payload(int click)
    {
        var (guild, channel, buttonId) = shards[click % shards.Count];
        var payload = Payloads.Button($"k{click}", buttonId, userId: $"member-{click}", channelId: channel);
        payload["guild_id"] = guild;
        return payload;
    }

    public void Dispose() => _window.Dispose();
}
