namespace StudyBot.Adapters.Slack.Client.SocketMode;

/// <summary>Why a Socket Mode connection stopped being the one to rely on.</summary>
internal enum EndKind
{
    /// <summary><c>warning</c> or <c>refresh_requested</c>: open a new connection, then close this one.</summary>
    Refresh,

    /// <summary><c>link_disabled</c>: Socket Mode was turned off for the app. Fatal.</summary>
    LinkDisabled,

    /// <summary><c>too_many_websockets</c>: the app has more connections than Slack allows. Back off.</summary>
    TooManyWebsockets,

    /// <summary>A close frame or another disconnect reason.</summary>
    Closed,

    /// <summary>The socket failed: network error, or no pong within the ping timeout.</summary>
    Died,
}

internal sealed record ConnectionEnd(EndKind Kind, string Detail)
{
    public static ConnectionEnd FromDisconnectReason(string? reason) => reason switch
    {
        "warning" or "refresh_requested" => new(EndKind.Refresh, reason),
        "link_disabled" => new(EndKind.LinkDisabled, reason),
        "too_many_websockets" => new(EndKind.TooManyWebsockets, reason),
        _ => new(EndKind.Closed, $"disconnect: {reason ?? "no reason"}"),
    };
}

/// <summary>A connection that ended before it said hello.</summary>
internal sealed class SocketEndedException(ConnectionEnd end)
    : Exception($"The Socket Mode connection ended before hello ({end.Kind}: {end.Detail}).")
{
    public ConnectionEnd End { get; } = end;
}
