using System.Globalization;
using Dapper;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Postgres;

/// <summary>
/// Posts and answers on PostgreSQL. Open posts are kept in memory for a moment
/// (<see cref="PostgresDatabase.RecentRowsAge"/>), since every click reads one: another node may
/// close a post or set its message id meanwhile. An answer is safe either way: the answer batch holds
/// the post FOR SHARE and refuses the answer once it is closed, and a close is decided by the UPDATE.
/// </summary>
public sealed class PostgresPostStore(PostgresDatabase database) : IPostStore
{
    private readonly RecentRows<Post> _openPosts = new(PostgresDatabase.RecentRowsAge, database.Clock);

    private const string Columns =
        "id AS Id, channel_id AS ChannelId, pack_id AS PackId, question_id AS QuestionId, local_date AS LocalDate, " +
        "opens_at AS OpensAt, closes_at AS ClosesAt, message_id AS MessageId, closed_at AS ClosedAt";

    public async Task<(Post Post, bool Created)> ReserveAsync(NewPost post, CancellationToken cancellationToken)
    {
        var localDate = post.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO posts (channel_id, pack_id, question_id, local_date, opens_at, closes_at)
            VALUES (@ChannelId, @PackId, @QuestionId, @localDate, @opensAt, @closesAt)
            ON CONFLICT (channel_id, local_date) DO NOTHING
            """,
            new { post.ChannelId, post.PackId, post.QuestionId, localDate, opensAt = Time.ToMs(post.OpensAt), closesAt = Time.ToMs(post.ClosesAt) },
            cancellationToken: cancellationToken));
        var row = await connection.QuerySingleAsync<PostRow>(new CommandDefinition(
            $"SELECT {Columns} FROM posts WHERE channel_id = @ChannelId AND local_date = @localDate",
            new { post.ChannelId, localDate }, cancellationToken: cancellationToken));
        return (row.ToPost(), inserted == 1);
    }

    public async Task SetMessageIdAsync(long postId, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE posts SET message_id = @messageId WHERE id = @postId", new { postId, messageId }, cancellationToken: cancellationToken));
        _openPosts.Forget(postId);
    }

    /// <summary>Open posts are read on every click: kept in memory until this store changes them, or for <see cref="PostgresDatabase.RecentRowsAge"/>.</summary>
    public Task<Post?> FindAsync(long postId, CancellationToken cancellationToken) =>
        _openPosts.GetAsync(postId, async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            return (await connection.QuerySingleOrDefaultAsync<PostRow>(new CommandDefinition(
                $"SELECT {Columns} FROM posts WHERE id = @postId", new { postId }, cancellationToken: cancellationToken)))?.ToPost();
        }, post => post.ClosedAt is null);

    public async Task<Post?> FindOpenAsync(long channelId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<PostRow>(new CommandDefinition(
            $"SELECT {Columns} FROM posts WHERE channel_id = @channelId AND closed_at IS NULL ORDER BY id DESC LIMIT 1",
            new { channelId }, cancellationToken: cancellationToken)))?.ToPost();
    }

    public async Task<IReadOnlyList<Post>> ListOpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PostRow>(new CommandDefinition(
            $"SELECT {Columns} FROM posts WHERE closed_at IS NULL ORDER BY id", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToPost()).ToList();
    }

    public async Task<IReadOnlyList<string>> PostedQuestionIdsAsync(long channelId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT question_id FROM posts WHERE channel_id = @channelId ORDER BY id", new { channelId }, cancellationToken: cancellationToken))).ToList();
    }

    /// <remarks>
    /// Through this node's group commit (<see cref="PostgresAnswerCommit"/>): the user (when first
    /// seen), the streak, the answer and the member's card commit together, in one transaction with
    /// the answers that arrived at the same time. The caller hears back only after it commits.
    /// </remarks>
    public Task<AnswerOutcome> RecordAnswerAsync(NewAnswer answer, CancellationToken cancellationToken) =>
        database.Answers.RecordAsync(answer, cancellationToken);

    public async Task<bool> CloseAsync(long postId, DateTimeOffset closedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One transaction: the post closes and its answers join the all-time totals together. The
        // UPDATE waits for answers holding the post FOR SHARE, so every answer that was let in is summed.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var channelId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "UPDATE posts SET closed_at = @closedAt WHERE id = @postId AND closed_at IS NULL RETURNING channel_id",
            new { postId, closedAt = Time.ToMs(closedAt) }, transaction, cancellationToken: cancellationToken));
        if (channelId is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO board_totals (channel_id, user_id, points, correct, answered)
                SELECT channel_id, user_id, points, CASE WHEN is_correct THEN 1 ELSE 0 END, 1 FROM answers WHERE post_id = @postId
                ON CONFLICT (channel_id, user_id) DO UPDATE SET
                    points = board_totals.points + excluded.points, correct = board_totals.correct + excluded.correct,
                    answered = board_totals.answered + 1
                """,
                new { postId }, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        _openPosts.Forget(postId);
        return channelId is not null;
    }

    public async Task<PostResults> ResultsAsync(long postId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var byChoices = (await connection.QueryAsync<ChoiceCount>(new CommandDefinition(
            "SELECT choices AS Choices, is_correct AS IsCorrect, COUNT(*) AS Count FROM answers WHERE post_id = @postId GROUP BY choices, is_correct",
            new { postId }, cancellationToken: cancellationToken))).ToList();
        var first = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            """
            SELECT u.display_name FROM answers a JOIN users u ON u.id = a.user_id
            WHERE a.post_id = @postId AND a.is_correct ORDER BY a.answered_at, a.user_id LIMIT 1
            """,
            new { postId }, cancellationToken: cancellationToken));

        var counts = new int[5];
        foreach (var row in byChoices)
        {
            foreach (var choice in row.Choices.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(choice, CultureInfo.InvariantCulture, out var index) && index is >= 0 and < 5) counts[index] += (int)row.Count;
            }
        }
        return new PostResults((int)byChoices.Sum(r => r.Count), (int)byChoices.Where(r => r.IsCorrect).Sum(r => r.Count), first, counts);
    }

    private sealed class ChoiceCount
    {
        public string Choices { get; init; } = "";
        public bool IsCorrect { get; init; }
        public long Count { get; init; }
    }

    private sealed class PostRow
    {
        public long Id { get; init; }
        public long ChannelId { get; init; }
        public string PackId { get; init; } = "";
        public string QuestionId { get; init; } = "";
        public string LocalDate { get; init; } = "";
        public long OpensAt { get; init; }
        public long ClosesAt { get; init; }
        public string? MessageId { get; init; }
        public long? ClosedAt { get; init; }

        public Post ToPost() => new(Id, ChannelId, PackId, QuestionId, DateOnly.ParseExact(LocalDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Time.FromMs(OpensAt), Time.FromMs(ClosesAt), MessageId, Time.FromMs(ClosedAt));
    }
}
