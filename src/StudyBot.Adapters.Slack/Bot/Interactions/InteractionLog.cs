using Microsoft.Extensions.Logging;

namespace StudyBot.Adapters.Slack.Bot.Interactions;

/// <summary>The Slack bot layer's log lines, source-generated.</summary>
internal static partial class InteractionLog
{
    /// <summary>A payload the client could not read; <paramref name="problem"/> begins "Ignored".</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Problem}")]
    public static partial void IgnoredMalformed(this ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Acknowledged a Slack {Kind} interaction that StudyBot does not use.")]
    public static partial void UnusedInteraction(this ILogger logger, string? kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look up Slack user {User} ({Error}); treating them as a non-admin for now.")]
    public static partial void UserLookupFailed(this ILogger logger, Exception exception, string user, string error);
}
