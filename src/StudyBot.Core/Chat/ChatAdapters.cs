using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StudyBot.Core.Chat;

/// <summary>
/// Tracks which chat adapters are running. An adapter that hits a fatal error (a rejected token,
/// Socket Mode turned off) reports it here instead of retrying forever; when no adapter is left,
/// the application stops with exit code 1 so a supervisor (systemd, Docker) sees the failure.
/// </summary>
public sealed class ChatAdapters(IHostApplicationLifetime lifetime, ILogger<ChatAdapters> logger)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _running = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _failed = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Call from the adapter's StartAsync, before any I/O, so that a fast failure of one adapter does not stop the others before they register.</summary>
    public void Started(string platform)
    {
        lock (_gate)
        {
            _running.Add(platform);
            _failed.Remove(platform);
        }
    }

    /// <summary>Call once when the adapter gives up for good. <paramref name="reason"/> should name the setting to fix and never hold a secret.</summary>
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
