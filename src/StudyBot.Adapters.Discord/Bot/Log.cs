using Microsoft.Extensions.Logging;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Bot;

/// <summary>The bot layer's log lines, source-generated; failures carry their exception.</summary>
internal static partial class Log
{
    [LoggerMessage(201, LogLevel.Trace, "Ignored dispatch {Event}.")]
    public static partial void IgnoredDispatch(this ILogger logger, string? @event);

    [LoggerMessage(202, LogLevel.Debug, "Skipped an interaction already handled (replayed after a resume) or without an id.")]
    public static partial void DuplicateInteraction(this ILogger logger);

    [LoggerMessage(203, LogLevel.Warning, "Could not answer an interaction: {Error}")]
    public static partial void CouldNotAnswer(this ILogger logger, Exception exception, string error);

    [LoggerMessage(204, LogLevel.Error, "Handling an interaction failed.")]
    public static partial void InteractionFailed(this ILogger logger, Exception exception);

    [LoggerMessage(205, LogLevel.Warning, "Dropped an interaction without an id, token or user.")]
    public static partial void DroppedInteraction(this ILogger logger);

    [LoggerMessage(206, LogLevel.Information, "Answered an unsupported interaction (type {Type}).")]
    public static partial void UnsupportedInteraction(this ILogger logger, int type);

    [LoggerMessage(207, LogLevel.Error, "Interaction {Id} (type {Type}) failed in channel {Channel}.")]
    public static partial void ReplyFailed(this ILogger logger, Exception exception, string id, int type, string? channel);

    [LoggerMessage(208, LogLevel.Error, "Topic autocomplete failed in channel {Channel}.")]
    public static partial void AutocompleteFailed(this ILogger logger, Exception exception, ChannelAddress channel);

    [LoggerMessage(213, LogLevel.Warning, "Discord did not take the file {FileName} ({Bytes} bytes) with an interaction reply: {Error}. Answered without it.")]
    public static partial void FileNotSent(this ILogger logger, Exception exception, string fileName, int bytes, string error);

    [LoggerMessage(214, LogLevel.Information, "Discord user {User} cannot be sent direct messages (50007: DMs closed or no shared server); reported as unreachable.")]
    public static partial void DirectMessagesClosed(this ILogger logger, string user);

    [LoggerMessage(210, LogLevel.Error, "The Discord gateway loop failed.")]
    public static partial void GatewayLoopFailed(this ILogger logger, Exception exception);

    [LoggerMessage(211, LogLevel.Information, "Registered {Count} slash commands {Where}.")]
    public static partial void CommandsRegistered(this ILogger logger, int count, string where);

    [LoggerMessage(212, LogLevel.Error, "Registering slash commands failed: {Error}. Check that the bot was invited with the applications.commands scope.")]
    public static partial void RegistrationFailed(this ILogger logger, Exception exception, string error);
}
