using Microsoft.Extensions.Logging;

namespace StudyBot.Adapters.Slack.Client.WebApi;

/// <summary>The Web API's log lines, source-generated. Tokens and response URLs never appear in them.</summary>
internal static partial class WebApiLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    public static partial void ResponseUrlRefused(this ILogger logger, string message);

    /// <summary>A refusal with its fix, as <see cref="SlackErrorAdvice"/> words it.</summary>
    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    public static partial void CallRefused(this ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack rate-limited {Method}; retrying in {Seconds:0.#} s as its Retry-After header asks.")]
    public static partial void RateLimited(this ILogger logger, string method, double seconds);
}
