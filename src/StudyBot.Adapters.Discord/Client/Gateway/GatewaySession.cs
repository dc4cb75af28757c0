namespace StudyBot.Adapters.Discord.Client.Gateway;

/// <summary>
/// What survives a dropped connection: the session to resume, where to resume it and the last
/// sequence seen. The receive loop writes the sequence; the heartbeat reads it.
/// </summary>
internal sealed class GatewaySession
{
    private long _sequence = -1;

    public string? SessionId { get; private set; }

    public Uri? ResumeUrl { get; private set; }

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    public long? Sequence
    {
        get
        {
            var value = Interlocked.Read(ref _sequence);
            return value < 0 ? null : value;
        }
    }

    public void Saw(long sequence) => Interlocked.Exchange(ref _sequence, sequence);

    public void Started(string sessionId, Uri resumeUrl)
    {
        SessionId = sessionId;
        ResumeUrl = resumeUrl;
    }

    /// <summary>The session is gone (INVALID_SESSION false, 4007, 4009): the next connection identifies anew.</summary>
    public void Reset()
    {
        SessionId = null;
        ResumeUrl = null;
        Interlocked.Exchange(ref _sequence, -1);
    }
}
