namespace StudyBot.Adapters.Common;

/// <summary>What each chat adapter that started is doing now; the readiness check reads it.</summary>
public interface IChatAdapterStates
{
    IReadOnlyList<ChatAdapterState> States { get; }
}

/// <summary>One adapter's state: connected, or why not (still connecting, reconnecting, stopped).</summary>
public sealed record ChatAdapterState(string Platform, bool IsConnected, string? Problem);
