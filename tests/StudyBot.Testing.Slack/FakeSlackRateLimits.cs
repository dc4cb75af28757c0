namespace StudyBot.Testing.Slack;

/// <summary>
/// Slack's limits on chat.postMessage as the fake enforces them when asked: about one message per
/// second per channel, and a workspace-wide rate. Slack publishes no number for the workspace rate,
/// so it is a parameter. Over a limit: HTTP 429, <c>Retry-After</c> in whole seconds, <c>ratelimited</c>.
/// </summary>
public sealed class FakeSlackRateLimits(int workspacePerSecond, double perChannelSeconds = 1)
{
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Dictionary<string, DateTimeOffset> _lastInChannel = new(StringComparer.Ordinal);
    private int _rejections;

    public int WorkspacePerSecond => workspacePerSecond;

    public int Rejections => Volatile.Read(ref _rejections);

    public FakeResponse? Check(ApiCall call)
    {
        if (call.Method != "chat.postMessage") return null;
        var channel = call.Arg("channel") ?? "";
        var now = DateTimeOffset.UtcNow;
        lock (_gate)
        {
            while (_recent.Count > 0 && _recent.Peek() <= now.AddSeconds(-1)) _recent.Dequeue();
            var channelBusy = _lastInChannel.TryGetValue(channel, out var last) && now - last < TimeSpan.FromSeconds(perChannelSeconds);
            if (_recent.Count >= workspacePerSecond || channelBusy)
            {
                _rejections++;
                return new FakeResponse(429, new { ok = false, error = "ratelimited" }, RetryAfterSeconds: 1);
            }
            _recent.Enqueue(now);
            _lastInChannel[channel] = now;
            return null;
        }
    }
}
