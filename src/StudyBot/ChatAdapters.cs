using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StudyBot.Adapters.Common;

namespace StudyBot;

/// <summary>
/// Tracks which chat adapters are running; the host's decision, not the domain's, because it stops the process. An adapter that hits a fatal error (a rejected token,
/// Socket Mode turned off) reports it here instead of retrying forever; when no adapter is left,
/// the application stops with exit code 1 so a supervisor (systemd, Docker) sees the failure.
/// </summary>
public sealed class ChatAdapters(IHostApplicationLifetime lifetime, ILogger<ChatAdapters> logger) : IChatAdapterRegistry
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _running = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _failed = new(StringComparer.OrdinalIgnoreCase);

    public void Started(string platform)
    {
        lock (_gate)
        {
            _running.Add(platform);
            _failed.Remove(platform);
        }
    }

    public void Failed(string platform, string reason)
    {
        bool noneLeft;
        lock (_gate)
        {
            _running.Remove(platform);
            _failed[platform] = reason;
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
}
