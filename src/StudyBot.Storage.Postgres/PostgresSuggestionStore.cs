using Dapper;
using StudyBot.Core.Chat;
using StudyBot.Core.Storage;
using StudyBot.Core.Suggestions;

namespace StudyBot.Storage.Postgres;

/// <summary>
/// Suggestions and their review queue on PostgreSQL, the twin of SqliteSuggestionStore; a decision is one
/// conditional UPDATE, so it happens once. Nothing is kept in memory: another node may decide or edit a
/// suggestion, so every read goes to the database.
/// </summary>
public sealed class PostgresSuggestionStore(PostgresDatabase database) : ISuggestionStore
{
    private const string Columns =
        "id AS Id, channel_id AS ChannelId, author_platform AS AuthorPlatform, author_id AS AuthorId, author_name AS AuthorName, " +
        "prompt AS Prompt, choices AS Choices, answer AS Answer, explanation AS Explanation, topic AS Topic, status AS Status, " +
        "created_at AS CreatedAt, reviewed_by AS ReviewedBy, reviewed_at AS ReviewedAt, review_channel_id AS ReviewChannelId, review_message_id AS ReviewMessageId";

    public async Task<long> AddAsync(NewSuggestion suggestion, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO suggestions (channel_id, author_platform, author_id, author_name, prompt, choices, answer, explanation, topic, created_at) " +
            "VALUES (@ChannelId, @Platform, @UserId, @DisplayName, @Prompt, @Choices, @Answer, @Explanation, @Topic, @At) RETURNING id",
            new
            {
                suggestion.ChannelId,
                suggestion.Author.Platform,
                suggestion.Author.UserId,
                suggestion.Author.DisplayName,
                suggestion.Draft.Prompt,
                suggestion.Draft.Choices,
                suggestion.Draft.Answer,
                suggestion.Draft.Explanation,
                suggestion.Draft.Topic,
                At = Time.ToMs(suggestion.At),
            },
            cancellationToken: cancellationToken));
    }

    public async Task<Suggestion?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SuggestionRow>(new CommandDefinition(
            $"SELECT {Columns} FROM suggestions WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToSuggestion();
    }

    public async Task<IReadOnlyList<Suggestion>> ListAsync(long channelId, SuggestionStatus status, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SuggestionRow>(new CommandDefinition(
            $"SELECT {Columns} FROM suggestions WHERE channel_id = @channelId AND status = @status ORDER BY id",
            new { channelId, status = Code(status) }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSuggestion()).ToList();
    }

    public async Task<IReadOnlyList<Suggestion>> ListApprovedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SuggestionRow>(new CommandDefinition(
            $"SELECT {Columns} FROM suggestions WHERE status = 'approved' ORDER BY channel_id, id", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSuggestion()).ToList();
    }

    public async Task<bool> EditPendingAsync(long id, SuggestionDraft draft, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE suggestions SET prompt = @Prompt, choices = @Choices, answer = @Answer, explanation = @Explanation, topic = @Topic " +
            "WHERE id = @id AND status = 'pending'",
            new { id, draft.Prompt, draft.Choices, draft.Answer, draft.Explanation, draft.Topic }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<SuggestionDecision> DecideAsync(long id, SuggestionStatus decision, ChatUser reviewer, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (decision == SuggestionStatus.Pending) throw new ArgumentOutOfRangeException(nameof(decision), "A decision approves or rejects.");
        await using var connection = await database.OpenAsync(cancellationToken);
        // The status check is in the UPDATE itself: of two racing decisions the second waits on the row lock,
        // then re-checks the WHERE against the committed row (READ COMMITTED) and changes nothing.
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE suggestions SET status = @status, reviewed_by = @name, reviewed_at = @at WHERE id = @id AND status = 'pending'",
            new { id, status = Code(decision), name = reviewer.DisplayName, at = Time.ToMs(at) }, cancellationToken: cancellationToken));
        return new SuggestionDecision(changed > 0, await FindAsync(id, cancellationToken));
    }

    public async Task SetReviewMessageAsync(long id, string channelId, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE suggestions SET review_channel_id = @channelId, review_message_id = @messageId WHERE id = @id",
            new { id, channelId, messageId }, cancellationToken: cancellationToken));
    }

    public async Task<string?> ReviewersChannelAsync(long channelId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT reviewer_channel_id FROM suggestion_reviewers WHERE channel_id = @channelId", new { channelId }, cancellationToken: cancellationToken));
    }

    public async Task SetReviewersChannelAsync(long channelId, string? reviewersChannelId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            reviewersChannelId is null
                ? "DELETE FROM suggestion_reviewers WHERE channel_id = @channelId"
                : "INSERT INTO suggestion_reviewers (channel_id, reviewer_channel_id) VALUES (@channelId, @reviewersChannelId) " +
                  "ON CONFLICT (channel_id) DO UPDATE SET reviewer_channel_id = excluded.reviewer_channel_id",
            new { channelId, reviewersChannelId }, cancellationToken: cancellationToken));
    }

    private static string Code(SuggestionStatus status) => status switch
    {
        SuggestionStatus.Approved => "approved",
        SuggestionStatus.Rejected => "rejected",
        _ => "pending",
    };

    // Properties rather than a positional record: Dapper then maps by name, as in the SQLite twin.
    private sealed class SuggestionRow
    {
        public long Id { get; init; }
        public long ChannelId { get; init; }
        public string AuthorPlatform { get; init; } = "";
        public string AuthorId { get; init; } = "";
        public string AuthorName { get; init; } = "";
        public string Prompt { get; init; } = "";
        public string Choices { get; init; } = "";
        public string Answer { get; init; } = "";
        public string Explanation { get; init; } = "";
        public string Topic { get; init; } = "";
        public string Status { get; init; } = "";
        public long CreatedAt { get; init; }
        public string? ReviewedBy { get; init; }
        public long? ReviewedAt { get; init; }
        public string? ReviewChannelId { get; init; }
        public string? ReviewMessageId { get; init; }

        public Suggestion ToSuggestion() => new(
            Id, ChannelId, new ChatUser(AuthorPlatform, AuthorId, AuthorName),
            new SuggestionDraft(Prompt, Choices, Answer, Explanation, Topic),
            Status switch { "approved" => SuggestionStatus.Approved, "rejected" => SuggestionStatus.Rejected, _ => SuggestionStatus.Pending },
            Time.FromMs(CreatedAt), ReviewedBy, ReviewedAt is { } reviewed ? Time.FromMs(reviewed) : null, ReviewChannelId, ReviewMessageId);
    }
}
