using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Slack;

/// <summary>
/// Whether the Slack adapter still runs. A fatal error (rejected token, Socket Mode turned off) is
/// reported to <see cref="ChatAdapters"/> once and stops the adapter instead of retrying forever.
/// </summary>
internal sealed class SlackStatus(ChatAdapters adapters) : IDisposable
{
    public const string Platform = "slack";

    private readonly CancellationTokenSource _stopped = new();
    private string? _failure;

    /// <summary>Cancelled when the adapter has given up.</summary>
    public CancellationToken Stopped => _stopped.Token;

    public string? Failure => Volatile.Read(ref _failure);

    public void Started() => adapters.Started(Platform);

    /// <summary>Gives up for good; later calls are ignored. <paramref name="reason"/> names the setting to fix and holds no secret.</summary>
    public void Fail(string reason)
    {
        if (Interlocked.CompareExchange(ref _failure, reason, null) is not null) return;
        adapters.Failed(Platform, reason);
        _stopped.Cancel();
    }

    public void ThrowIfFailed()
    {
        if (Failure is { } reason)
            throw new InvalidOperationException($"The Slack adapter stopped: {reason}");
    }

    public void Dispose() => _stopped.Dispose();
}
