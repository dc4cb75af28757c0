namespace StudyBot.Adapters.Slack.Client.SocketMode;

/// <summary>Handles one type of Socket Mode envelope. It acks the envelope (with a reply where Slack takes one) once the core has answered.</summary>
internal interface IEnvelopeHandler
{
    /// <summary>The envelope <c>type</c> handled: <c>slash_commands</c>, <c>interactive</c>, ...</summary>
    string EnvelopeType { get; }

    Task HandleAsync(SocketEnvelope envelope, CancellationToken cancellationToken);
}
