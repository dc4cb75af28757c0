using System.Net;

namespace StudyBot.Adapters.Discord.Client.Rest;

/// <summary>A REST call Discord refused. The message names the route template, never the path (which may hold a token).</summary>
internal sealed class DiscordApiException : Exception
{
    public DiscordApiException(HttpStatusCode status, string route, string detail, int? code = null)
        : base($"Discord answered {(int)status} {status} to {route}: {detail}")
    {
        Status = status;
        Code = code;
    }

    public DiscordApiException()
    {
    }

    public DiscordApiException(string message) : base(message)
    {
    }

    public DiscordApiException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public HttpStatusCode Status { get; }

    /// <summary>Discord's JSON error code (50007 "Cannot send messages to this user"), when the body had one.</summary>
    public int? Code { get; }
}
