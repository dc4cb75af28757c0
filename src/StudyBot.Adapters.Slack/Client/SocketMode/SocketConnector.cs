using StudyBot.Adapters.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Slack.Client.WebApi;

namespace StudyBot.Adapters.Slack.Client.SocketMode;

/// <summary>Opens one Socket Mode connection: a fresh URL from apps.connections.open (they are single use), the WebSocket, then its hello.</summary>
internal sealed class SocketConnector(
    SlackWebApi api,
    EnvelopeDispatcher dispatcher,
    IOptions<SlackOptions> options,
    TimeProvider clock,
    ILogger<SocketConnector> logger)
{
    private readonly SlackOptions _options = options.Value;
    private int _opened;

    /// <returns>A connection that has said hello, with Slack's <c>num_connections</c>.</returns>
    /// <exception cref="SocketEndedException">The connection ended (e.g. <c>link_disabled</c>) before hello.</exception>
    public async Task<(SocketModeConnection Connection, int NumConnections)> ConnectAsync(CancellationToken cancellationToken)
    {
        var opened = await api.CallFormAsync("apps.connections.open", SlackToken.App, new Dictionary<string, string>(), cancellationToken);
        if (opened.Text("url") is not { } text || !Uri.TryCreate(text, UriKind.Absolute, out var url))
            throw new SlackApiException("apps.connections.open", "missing_url", "Slack's apps.connections.open returned no WebSocket URL.");
        if (_options.DebugReconnects)
            url = new Uri(url + (url.Query.Length > 0 ? "&" : "?") + "debug_reconnects=true");

        var number = Interlocked.Increment(ref _opened);
        // The URL carries a one-time ticket: log the host only.
        logger.OpeningConnection(number, url.Host);
        var connection = await SocketModeConnection.OpenAsync(url, number, _options, dispatcher.Accept, logger, cancellationToken);
        try
        {
            var numConnections = await connection.Hello.WaitAsync(_options.HelloTimeout, clock, cancellationToken);
            return (connection, numConnections);
        }
        catch (TimeoutException)
        {
            await connection.DisposeAsync();
            throw new TimeoutException($"Socket Mode connection #{number} said no hello within {_options.HelloTimeout.TotalSeconds:0.#} s.");
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
