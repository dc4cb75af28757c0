using Microsoft.Extensions.Logging;

namespace StudyBot.Adapters.Slack.Bot;

/// <summary>The DM sender's log lines, source-generated.</summary>
internal static partial class DirectMessageLog
{
    /// <summary>Information, not an error: a member who closed their DMs or left is nothing an operator can fix.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "Slack user {User} cannot be sent direct messages ({Method}: {Error}); reported as unreachable.")]
    public static partial void DirectMessagesClosed(this ILogger logger, string user, string method, string error);
}
