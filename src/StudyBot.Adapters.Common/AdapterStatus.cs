namespace StudyBot.Adapters.Common;

/// <summary>
/// Whether one chat adapter still runs. A fatal error (a rejected token, Socket Mode turned off) is
/// reported to the <see cref="IChatAdapterRegistry"/> once, and every part of the adapter sees
/// <see cref="Stopped"/>, so nothing keeps retrying after the platform has said no.
/// </summary>
public sealed class AdapterStatus(string platform, IChatAdapterRegistry registry) : IDisposable
{
    private readonly CancellationTokenSource _stopped = new();
    private string? _failure;

    public string Platform => platform;

    /// <summary>Cancelled when the adapter has given up.</summary>
    public CancellationToken Stopped => _stopped.Token;

    public string? Failure => Volatile.Read(ref _failure);

    public bool HasFailed => Failure is not null;

    public void Started() => registry.Started(platform);

    public void Connected() => registry.Connected(platform);

    /// <summary>The connection dropped and the adapter reconnects; counted as a reconnect in the metrics.</summary>
    public void Disconnected(string reason)
    {
        AdapterMetrics.Reconnects.Add(1, AdapterMetrics.On(platform));
        registry.Disconnected(platform, reason);
    }

    /// <summary>Gives up for good; later calls are ignored. <paramref name="reason"/> names the setting to fix and holds no secret.</summary>
    public void Fail(string reason)
    {
        if (Interlocked.CompareExchange(ref _failure, reason, null) is not null) return;
        registry.Failed(platform, reason);
        _stopped.Cancel();
    }

    /// <summary>Throws the recorded failure, so callers that arrive after it get the same clear reason.</summary>
    public void ThrowIfFailed()
    {
        if (Failure is { } reason) throw new AdapterStoppedException(reason);
    }

    public void Dispose() => _stopped.Dispose();
}
