using System.Net;

namespace StudyBot.Adapters.Discord.Client.Rest;

/// <summary>A REST call Discord refused. The message names the route template, never the path (which may hold a token).</summary>
internal sealed class DiscordApiException : Exception
{
    public DiscordApiException(HttpStatusCode status, string route, string detail)
        : base($"Discord answered {(int)status} {status} to {route}: {detail}")
    {
        Status = status;
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
}
