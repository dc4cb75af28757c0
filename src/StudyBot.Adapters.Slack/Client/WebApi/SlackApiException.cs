namespace StudyBot.Adapters.Slack.Client.WebApi;

/// <summary>A Web API call that Slack refused (<c>ok:false</c>, or an HTTP error). The message says how to fix it.</summary>
public sealed class SlackApiException(string method, string error, string message) : Exception(message)
{
    /// <summary>The Web API method, e.g. <c>chat.postMessage</c>.</summary>
    public string Method { get; } = method;

    /// <summary>Slack's error code, e.g. <c>not_in_channel</c>, or <c>http_503</c>.</summary>
    public string Error { get; } = error;
}
