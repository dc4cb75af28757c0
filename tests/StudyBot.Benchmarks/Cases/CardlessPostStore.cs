using StudyBot.Core.Storage;

namespace StudyBot.Benchmarks.Cases;

/// <summary>
/// The yardstick of the answer burst with cards: the real SQLite post store, handed each answer without
/// its card review (<see cref="NewAnswer.Review"/> null), so the store writes the answer exactly as it
/// did before issue 13. The core always asks for the card; only the write is skipped, nothing else changes.
/// </summary>
public sealed class CardlessPostStore(IPostStore store) : IPostStore
{
    public Task<AnswerOutcome> RecordAnswerAsync(NewAnswer answer, CancellationToken cancellationToken) =>
        store.RecordAnswerAsync(answer with { Review = null }, cancellationToken);

    public Task<(Post Post, bool Created)> ReserveAsync(NewPost post, CancellationToken cancellationToken) => store.ReserveAsync(post, cancellationToken);

    public Task SetMessageIdAsync(long postId, string messageId, CancellationToken cancellationToken) => store.SetMessageIdAsync(postId, messageId, cancellationToken);

    public Task<Post?> FindAsync(long postId, CancellationToken cancellationToken) => store.FindAsync(postId, cancellationToken);

    public Task<Post?> FindOpenAsync(long channelId, CancellationToken cancellationToken) => store.FindOpenAsync(channelId, cancellationToken);

    public Task<IReadOnlyList<Post>> ListOpenAsync(CancellationToken cancellationToken) => store.ListOpenAsync(cancellationToken);

    public Task<IReadOnlyList<string>> PostedQuestionIdsAsync(long channelId, CancellationToken cancellationToken) => store.PostedQuestionIdsAsync(channelId, cancellationToken);

    public Task<bool> CloseAsync(long postId, DateTimeOffset closedAt, CancellationToken cancellationToken) => store.CloseAsync(postId, closedAt, cancellationToken);

    public Task<PostResults> ResultsAsync(long postId, CancellationToken cancellationToken) => store.ResultsAsync(postId, cancellationToken);
}
