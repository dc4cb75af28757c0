using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace StudyBot.Adapters.Slack.Client.SocketMode;

/// <summary>Socket Mode's log lines, source-generated so a disabled level costs nothing. URLs are never logged: they carry one-time tickets.</summary>
internal static partial class SocketModeLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Opening Socket Mode connection #{Number} to {Host}.")]
    public static partial void OpeningConnection(this ILogger logger, int number, string host);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack delivered {Type} envelope {EnvelopeId} again (retry {Retry}); acknowledged it without handling it twice.")]
    public static partial void Redelivered(this ILogger logger, string type, string envelopeId, int retry);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Acknowledged a Slack {Type} envelope that StudyBot does not use.")]
    public static partial void UnusedEnvelope(this ILogger logger, string type);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a Slack {Type} envelope failed.")]
    public static partial void HandlerFailed(this ILogger logger, Exception exception, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not acknowledge a {Type} envelope on Socket Mode connection #{Number} ({Error}); Slack will deliver it again.")]
    public static partial void AckFailed(this ILogger logger, Exception exception, string type, int number, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Type} envelope took longer than {Deadline:0.0} s; acknowledged it without a reply, which follows through response_url.")]
    public static partial void AckedLate(this ILogger logger, string type, double deadline);

    [LoggerMessage(Level = LogLevel.Error, Message = "Socket Mode failed unexpectedly.")]
    public static partial void FailedUnexpectedly(this ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed in to Slack workspace {Team} as {User}.")]
    public static partial void SignedIn(this ILogger logger, string? team, string? user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reach Slack to check the bot token ({Error}); connecting anyway.")]
    public static partial void SignInUnreachable(this ILogger logger, Exception exception, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack asked to replace Socket Mode connection #{Number} ({Reason}); opening the next one first.")]
    public static partial void RefreshRequested(this ILogger logger, int number, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Slack refused a Socket Mode connection: too many connections for this app token (too_many_websockets, at most 10). " +
        "Another StudyBot may run with the same StudyBot:Slack:AppToken; backing off.")]
    public static partial void TooManyWebsockets(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection #{Number} ended ({Kind}: {Detail}); reconnecting.")]
    public static partial void ConnectionEnded(this ILogger logger, int number, EndKind kind, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open a Socket Mode connection ({Error}); retrying.")]
    public static partial void ConnectFailed(this ILogger logger, Exception exception, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode connection #{Number} is live; Slack counts {NumConnections} connection(s) for this app.")]
    public static partial void ConnectionLive(this ILogger logger, int number, int numConnections);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack counts {NumConnections} Socket Mode connections for this app but this StudyBot holds {Ours}: another process uses the same app token and receives part of the commands and clicks. Stop it, or give it its own Slack app.")]
    public static partial void ForeignConnections(this ILogger logger, int numConnections, int ours);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closed Socket Mode connection #{Number}.")]
    public static partial void ConnectionClosed(this ILogger logger, int number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a Socket Mode frame on connection #{Number} that is binary or larger than {Max} bytes.")]
    public static partial void IgnoredBinaryOrHugeFrame(this ILogger logger, int number, int max);

    // Slack sends some in practice, hence Debug.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored a Socket Mode frame on connection #{Number} that is not JSON.")]
    public static partial void IgnoredNonJsonFrame(this ILogger logger, Exception exception, int number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a Socket Mode frame on connection #{Number} that is JSON but not an object ({Kind}).")]
    public static partial void IgnoredNonObjectFrame(this ILogger logger, int number, JsonValueKind kind);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored a Socket Mode message of type {Type} on connection #{Number}.")]
    public static partial void IgnoredMessageType(this ILogger logger, string? type, int number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not claim a Slack {Type} envelope in the database ({Reason}); handling it here")]
    public static partial void EnvelopeClaimFailed(this ILogger logger, string type, string reason);
}
