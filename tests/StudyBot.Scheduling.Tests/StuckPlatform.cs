using StudyBot.Core.Chat;

namespace StudyBot.Scheduling.Tests;

/// <summary>
/// A platform on a node that dies mid-send: the first daily post starts and never returns, whatever its cancellation
/// token says (a killed process does not get to clean up). <see cref="Release"/> lets the stuck call fail at the end.
/// </summary>
internal sealed class StuckPlatform : IChatPlatform
{
    private readonly TaskCompletionSource<string> _never = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "test";

    /// <summary>Completes when a post has reached the platform.</summary>
    public TaskCompletionSource SendBegan { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<string> PostAsync(string channelId, ChatMessage message, CancellationToken cancellationToken)
    {
        SendBegan.TrySetResult();
        return _never.Task;
    }

    public void Release() => _never.TrySetException(new IOException("The node is gone."));

    public Task EditAsync(string channelId, string messageId, ChatMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<DirectMessageResult> SendDirectAsync(string userId, ChatMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(DirectMessageResult.Sent);
}
