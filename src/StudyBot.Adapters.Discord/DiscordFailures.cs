using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord;

/// <summary>
/// The one place a fatal Discord error is reported: once to <see cref="ChatAdapters"/> (which stops
/// the app when no other adapter runs), and to every part of the adapter through <see cref="Stopping"/>,
/// so nothing keeps retrying after Discord has said no.
/// </summary>
public sealed class DiscordFailures(ChatAdapters adapters) : IDisposable
{
    public const string Platform = "discord";

    private readonly CancellationTokenSource _stopping = new();
    private string? _reason;

    public CancellationToken Stopping => _stopping.Token;

    public string? Reason => Volatile.Read(ref _reason);

    public bool HasFailed => Reason is not null;

    public void Report(string reason)
    {
        if (Interlocked.CompareExchange(ref _reason, reason, null) is not null) return;
        adapters.Failed(Platform, reason);
        _stopping.Cancel();
    }

    /// <summary>Throws the recorded failure, so callers that arrive after it get the same clear reason.</summary>
    public void ThrowIfFailed()
    {
        if (Reason is { } reason) throw new DiscordFatalException(reason);
    }

    public void Dispose() => _stopping.Dispose();
}
