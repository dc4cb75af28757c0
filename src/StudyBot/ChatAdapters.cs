using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Common;

namespace StudyBot;

/// <summary>
/// Tracks which chat adapters are running; the host's decision, not the domain's, because it stops the process. An adapter that hits a fatal error (a rejected token,
/// Socket Mode turned off) reports it here instead of retrying forever; when no adapter is left,
/// the application stops with exit code 1 so a supervisor (systemd, Docker) sees the failure.
/// It also knows whether each running adapter's connection is up, for the readiness check.
/// </summary>
public sealed class ChatAdapters(IHostApplicationLifetime lifetime, ILogger<ChatAdapters> logger) : IChatAdapterRegistry, IChatAdapterStates
{
    private const string Connecting = "connecting";

    private readonly Lock _gate = new();
    private readonly HashSet<string> _running = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _failed = new(StringComparer.OrdinalIgnoreCase);
    // Per running or failed adapter: null when connected, else why not.
    private readonly Dictionary<string, string?> _connection = new(StringComparer.OrdinalIgnoreCase);

    public void Started(string platform)
    {
        lock (_gate)
        {
            _running.Add(platform);
            _failed.Remove(platform);
            _connection[platform] = Connecting;
        }
    }

    public void Connected(string platform)
    {
        lock (_gate)
            if (_running.Contains(platform)) _connection[platform] = null;
    }

    public void Disconnected(string platform, string reason)
    {
        lock (_gate)
            if (_running.Contains(platform)) _connection[platform] = $"reconnecting: {reason}";
    }

    public void Failed(string platform, string reason)
    {
        bool noneLeft;
        lock (_gate)
        {
            _running.Remove(platform);
            _failed[platform] = reason;
            _connection[platform] = $"stopped: {reason}";
            noneLeft = _running.Count == 0;
        }
        logger.LogCritical("The {Platform} adapter stopped: {Reason}", platform, reason);
        if (noneLeft)
        {
            logger.LogCritical("No chat adapter is running; StudyBot stops.");
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    public IReadOnlyDictionary<string, string> Failures
    {
        get
        {
            lock (_gate) return new Dictionary<string, string>(_failed);
        }
    }

    public bool IsRunning(string platform)
    {
        lock (_gate) return _running.Contains(platform);
    }

    public IReadOnlyList<ChatAdapterState> States
    {
        get
        {
            lock (_gate) return _connection.Select(c => new ChatAdapterState(c.Key, c.Value is null, c.Value)).OrderBy(s => s.Platform, StringComparer.Ordinal).ToList();
        }
    }
}
