namespace StudyBot.Core.Chat;

/// <summary>
/// The inbound port: adapters turn platform events into these calls and render the reply.
/// Every method returns only after anything it records is committed, so an adapter may
/// acknowledge the event as soon as the call returns.
/// </summary>
public interface IChatInbox
{
    /// <summary>Runs a command such as <c>topic ebs</c> or <c>study setup 09:00 Asia/Seoul</c> (a leading '/' is allowed).</summary>
    Task<ChatReply> HandleCommandAsync(CommandContext context, string commandLine, CancellationToken cancellationToken);

    /// <summary>Handles a click on one of the bot's buttons; <paramref name="buttonId"/> comes from the platform and is untrusted.</summary>
    Task<ChatReply> HandleButtonAsync(CommandContext context, string buttonId, CancellationToken cancellationToken);

    /// <summary>
    /// Handles a submitted form (<see cref="ChatForm"/>); <paramref name="formId"/> and the values come from the
    /// platform and are untrusted. An inbox without forms refuses every one.
    /// </summary>
    Task<FormReply> HandleFormAsync(CommandContext context, string formId, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken) =>
        Task.FromResult(FormReply.Accepted(ChatReply.Private("Unknown form", "This form is not one StudyBot knows; nothing was saved.")));

    /// <summary>Topic names that complete what the user has typed so far, best first (for autocomplete).</summary>
    IReadOnlyList<string> CompleteTopic(ChannelAddress channel, string partial, int limit);
}
