using Microsoft.Extensions.Options;
using StudyBot.Adapters.Common;

namespace StudyBot.Adapters.Slack.Client.WebApi;

/// <summary>
/// Keeps chat.postMessage under <see cref="SlackOptions.WorkspaceMessagesPerSecond"/> across the whole
/// workspace, so 200 channels due in the same minute queue here instead of collecting 429s from Slack.
/// </summary>
internal sealed class WorkspaceMessagePacer(IOptions<SlackOptions> options, TimeProvider clock) : IDisposable
{
    private readonly RequestWindowLimit _limit = new(options.Value.WorkspaceMessagesPerSecond, TimeSpan.FromSeconds(1), clock);

    /// <inheritdoc cref="RequestWindowLimit.WaitTurnAsync"/>
    public Task<IDisposable> WaitTurnAsync(CancellationToken cancellationToken) => _limit.WaitTurnAsync(cancellationToken);

    public void Dispose() => _limit.Dispose();
}
