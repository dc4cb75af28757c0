using Dapper;
using StudyBot.Core.Scoring;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Sqlite;

public sealed class SqlitePostStore(SqliteDatabase database) : IPostStore
{
    private readonly RecentRows<Post> _openPosts = new();

    private const string Columns =
        "id AS Id, channel_id AS ChannelId, pack_id AS PackId, question_id AS QuestionId, local_date AS LocalDate, " +
        "opens_at AS OpensAt, closes_at AS ClosesAt, message_id AS MessageId, closed_at AS ClosedAt";

    public async Task<(Post Post, bool Created)> ReserveAsync(NewPost post, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO posts (channel_id, pack_id, question_id, local_date, opens_at, closes_at)
            VALUES (@ChannelId, @PackId, @QuestionId, @LocalDate, @OpensAt, @ClosesAt)
            ON CONFLICT (channel_id, local_date) DO NOTHING
            """,
            new
            {
                post.ChannelId, post.PackId, post.QuestionId, LocalDate = post.LocalDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                OpensAt = Time.ToMs(post.OpensAt), ClosesAt = Time.ToMs(post.ClosesAt),
            },
            cancellationToken: cancellationToken));
        var row = await connection.QuerySingleAsync<PostRow>(new CommandDefinition(
            $"SELECT {Columns} FROM posts WHERE channel_id = @ChannelId AND local_date = @LocalDate",
            new { post.ChannelId, LocalDate = post.LocalDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            cancellationToken: cancellationToken));
        return (row.ToPost(), inserted == 1);
    }

    public async Task SetMessageIdAsync(long postId, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE posts SET message_id = @messageId WHERE id = @postId", new { postId, messageId }, cancellationToken: cancellationToken));
        _openPosts.Forget(postId);
    }

    /// <summary>Open posts are read on every click; they stay in memory until this store changes them.</summary>
    public Task<Post?> FindAsync(long postId, CancellationToken cancellationToken) =>
        _openPosts.GetAsync(postId, async () =>
        {
            await using var connection = database.Open();
            return (await connection.QuerySingleOrDefaultAsync<PostRow>(new CommandDefinition(
                $"SELECT {Columns} FROM posts WHERE id = @postId", new { postId }, cancellationToken: cancellationToken)))?.ToPost();
        }, post => post.ClosedAt is null);

    public async Task<Post?> FindOpenAsync(long channelId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return (await connection.QuerySingleOrDefaultAsync<PostRow>(new CommandDefinition(
            $"SELECT {Columns} FROM posts WHERE channel_id = @channelId AND closed_at IS NULL ORDER BY id DESC LIMIT 1",
            new { channelId }, cancellationToken: cancellationToken)))?.ToPost();
    }

    public async Task<IReadOnlyList<Post>> ListOpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var rows = await connection.QueryAsync<PostRow>(new CommandDefinition(
            $"SELECT {Columns} FROM posts WHERE closed_at IS NULL ORDER BY id", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToPost()).ToList();
    }

    public async Task<IReadOnlyList<string>> PostedQuestionIdsAsync(long channelId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT question_id FROM posts WHERE channel_id = @channelId ORDER BY id", new { channelId }, cancellationToken: cancellationToken))).ToList();
    }

    /// <remarks>
    /// One group write: the user (when first seen), the streak, the answer and the member's card go in together, and in
    /// a burst answers arriving together share one transaction and one fsync. Each caller hears back
    /// only after that commit.
    /// </remarks>
    public async Task<AnswerOutcome> RecordAnswerAsync(NewAnswer answer, CancellationToken cancellationToken)
    {
        var (outcome, userId) = await database.GroupCommit.WriteAsync(write => RecordAnswer(write, answer), cancellationToken);
        database.Users.Remember(answer.User, userId);
        return outcome;
    }

    private (AnswerOutcome, long UserId) RecordAnswer(GroupWrite write, NewAnswer answer)
    {
        var userId = database.Users.Resolve(write, answer.User);
        var streakBefore = Convert.ToInt32(write.Command(
            """
            SELECT COALESCE((
                SELECT a.streak FROM answers a
                WHERE a.user_id = $user
                  AND a.post_id = (SELECT id FROM posts WHERE channel_id = $channel AND id < $post ORDER BY id DESC LIMIT 1)
            ), 0)
            """,
            ("$user", userId), ("$channel", answer.ChannelId), ("$post", answer.PostId)).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        var (points, streak) = ScoringRules.Score(answer.IsCorrect, streakBefore);

        // One statement: the open check and the insert cannot be split by a close in between.
        var inserted = write.Command(
            """
            INSERT INTO answers (post_id, user_id, channel_id, topic_id, choices, is_correct, points, streak, answered_at)
            SELECT $post, $user, $channel, $topic, $choices, $correct, $points, $streak, $at
            WHERE EXISTS (SELECT 1 FROM posts WHERE id = $post AND closed_at IS NULL AND closes_at > $at)
            ON CONFLICT (post_id, user_id) DO NOTHING
            """,
            ("$post", answer.PostId), ("$user", userId), ("$channel", answer.ChannelId), ("$topic", answer.TopicId),
            ("$choices", answer.Choices), ("$correct", answer.IsCorrect), ("$points", points), ("$streak", streak),
            ("$at", Time.ToMs(answer.AnsweredAt))).ExecuteNonQuery();
        if (inserted == 1)
        {
            // The card rides in the answer's transaction: both commit, or neither.
            if (answer.Review is { } review) ReviewCardWrites.Apply(write, userId, review);
            return (AnswerOutcome.Recorded, userId);
        }

        using var state = write.Command(
            """
            SELECT EXISTS (SELECT 1 FROM answers WHERE post_id = $post AND user_id = $user) FROM posts WHERE id = $post
            """,
            ("$post", answer.PostId), ("$user", userId)).ExecuteReader();
        if (!state.Read()) return (AnswerOutcome.UnknownPost, userId);
        return (state.GetInt64(0) != 0 ? AnswerOutcome.AlreadyAnswered : AnswerOutcome.Closed, userId);
    }

    public async Task<bool> CloseAsync(long postId, DateTimeOffset closedAt, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        // One transaction: the post closes and its answers join the all-time totals together, and no
        // answer can slip in between (recording one checks closed_at under the same write lock).
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var channelId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "UPDATE posts SET closed_at = @closedAt WHERE id = @postId AND closed_at IS NULL RETURNING channel_id",
            new { postId, closedAt = Time.ToMs(closedAt) }, transaction, cancellationToken: cancellationToken));
        if (channelId is not null)
        {
            // "WHERE true" keeps SQLite from reading ON CONFLICT as part of the SELECT's join.
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO board_totals (channel_id, user_id, points, correct, answered)
                SELECT channel_id, user_id, points, is_correct, 1 FROM answers WHERE post_id = @postId AND true
                ON CONFLICT (channel_id, user_id) DO UPDATE SET
                    points = points + excluded.points, correct = correct + excluded.correct, answered = answered + 1
                """,
                new { postId }, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        _openPosts.Forget(postId);
        if (channelId is { } changed) database.Versions.ChannelChanged(changed);
        return channelId is not null;
    }

    public async Task<PostResults> ResultsAsync(long postId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        var byChoices = (await connection.QueryAsync<(string Choices, long IsCorrect, long Count)>(new CommandDefinition(
            "SELECT choices, is_correct, COUNT(*) FROM answers WHERE post_id = @postId GROUP BY choices, is_correct",
            new { postId }, cancellationToken: cancellationToken))).ToList();
        var first = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            """
            SELECT u.display_name FROM answers a JOIN users u ON u.id = a.user_id
            WHERE a.post_id = @postId AND a.is_correct = 1 ORDER BY a.answered_at, a.user_id LIMIT 1
            """,
            new { postId }, cancellationToken: cancellationToken));

        var counts = new int[5];
        foreach (var (choices, _, count) in byChoices)
        {
            foreach (var choice in choices.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(choice, System.Globalization.CultureInfo.InvariantCulture, out var index) && index is >= 0 and < 5)
                    counts[index] += (int)count;
            }
        }
        return new PostResults(
            (int)byChoices.Sum(r => r.Count), (int)byChoices.Where(r => r.IsCorrect != 0).Sum(r => r.Count), first, counts);
    }

    private sealed record PostRow(long Id, long ChannelId, string PackId, string QuestionId, string LocalDate, long OpensAt, long ClosesAt, string? MessageId, long? ClosedAt)
    {
        public Post ToPost() => new(Id, ChannelId, PackId, QuestionId,
            DateOnly.ParseExact(LocalDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Time.FromMs(OpensAt), Time.FromMs(ClosesAt), MessageId, Time.FromMs(ClosedAt));
    }
}
