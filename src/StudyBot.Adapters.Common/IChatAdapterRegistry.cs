namespace StudyBot.Adapters.Common;

/// <summary>Where adapters say they run or have given up; the host decides what a failure means for the process.</summary>
public interface IChatAdapterRegistry
{
    /// <summary>Call from the adapter's StartAsync, before any I/O, so a fast failure of one adapter does not stop the others before they register.</summary>
    void Started(string platform);

    /// <summary>Call once when the adapter gives up for good. <paramref name="reason"/> names the setting to fix and never holds a secret.</summary>
    void Failed(string platform, string reason);

    /// <summary>Call when the adapter's live connection is up (Discord READY/RESUMED, Slack hello); readiness waits for it.</summary>
    void Connected(string platform)
    {
    }

    /// <summary>Call when the live connection dropped and the adapter is reconnecting; <paramref name="reason"/> holds no secret.</summary>
    void Disconnected(string platform, string reason)
    {
    }
}
