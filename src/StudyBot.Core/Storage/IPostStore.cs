namespace StudyBot.Core.Storage;

/// <summary>Posted questions and their answers.</summary>
public interface IPostStore
{
    /// <summary>
    /// Reserves the channel's post for a local date. Returns the existing post and <c>false</c> when
    /// one is already reserved for that date: that is what makes a second trigger harmless.
    /// </summary>
    Task<(Post Post, bool Created)> ReserveAsync(NewPost post, CancellationToken cancellationToken);

    Task SetMessageIdAsync(long postId, string messageId, CancellationToken cancellationToken);

    Task<Post?> FindAsync(long postId, CancellationToken cancellationToken);

    /// <summary>The newest post of the channel that is not closed yet.</summary>
    Task<Post?> FindOpenAsync(long channelId, CancellationToken cancellationToken);

    /// <summary>All posts not closed yet, in every channel (to reschedule their close after a restart).</summary>
    Task<IReadOnlyList<Post>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>Question ids posted in the channel, oldest first.</summary>
    Task<IReadOnlyList<string>> PostedQuestionIdsAsync(long channelId, CancellationToken cancellationToken);

    /// <summary>
    /// Commits an answer if the post is open at <see cref="NewAnswer.AnsweredAt"/> and the user has
    /// not answered it: one answer per user per post is enforced by a unique key. The streak is the
    /// user's streak on the channel's previous post (0 if they missed it), then
    /// <see cref="Scoring.ScoringRules.Score"/>.
    /// </summary>
    Task<AnswerOutcome> RecordAnswerAsync(NewAnswer answer, CancellationToken cancellationToken);

    /// <summary>Closes the post; <c>false</c> if it was closed already (so the reveal happens once).</summary>
    Task<bool> CloseAsync(long postId, DateTimeOffset closedAt, CancellationToken cancellationToken);

    Task<PostResults> ResultsAsync(long postId, CancellationToken cancellationToken);
}
