using Npgsql;
using StudyBot.Core.Scoring;
using StudyBot.Core.Storage;

namespace StudyBot.Storage.Postgres;

/// <summary>
/// Writes a batch of answers in one transaction, two round trips per round: the first adds
/// first-seen users, holds the open posts FOR SHARE and the members' cards FOR UPDATE, and reads
/// each answer's post, earlier answer and streak; the second inserts the answers (ON CONFLICT DO
/// NOTHING: the unique key decides, also against other nodes) with the cards of those inserted, and
/// commits. A round holds each member once, so a member answering twice in one batch is written in
/// a later round of the same transaction and sees the first answer, exactly as one after the other.
/// Rows are locked in key order, so batches on two nodes never wait on each other in a circle.
/// </summary>
internal sealed class AnswerBatch(IReadOnlyList<NewAnswer> answers, KnownUsers users)
{
    private const string UpsertUsers =
        """
        INSERT INTO users (platform, external_id, display_name)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS u(platform, external_id, display_name) ORDER BY platform, external_id
        ON CONFLICT (platform, external_id) DO UPDATE SET display_name = excluded.display_name
        """;

    // A close's UPDATE waits for these locks (and a close under way makes them wait), so an answer
    // either commits before the close sums the post's answers, or sees the post closed.
    private const string HoldOpenPosts = "SELECT id FROM posts WHERE id = ANY($1) AND closed_at IS NULL ORDER BY id FOR SHARE";

    // Every lookup is a LATERAL subquery with LIMIT, so the planner cannot fold it into a join: with
    // the statistics lagging a burst of new users and answers, it ran such joins as scans of whole
    // tables. This way each answer costs a few index probes, however big the tables grow.
    private const string ReadAnswerStates =
        """
        SELECT i.ord, u.id, p.id IS NOT NULL, COALESCE(p.closed_at IS NULL AND p.closes_at > i.answered_at, false),
            answered.yes IS NOT NULL, COALESCE(earlier.streak, 0)
        FROM unnest($1::int[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::bigint[])
            AS i(ord, post_id, channel_id, platform, external_id, answered_at)
        CROSS JOIN LATERAL (SELECT id FROM users WHERE platform = i.platform AND external_id = i.external_id LIMIT 1) u
        LEFT JOIN LATERAL (SELECT id, closed_at, closes_at FROM posts WHERE id = i.post_id LIMIT 1) p ON true
        LEFT JOIN LATERAL (SELECT true AS yes FROM answers WHERE post_id = i.post_id AND user_id = u.id LIMIT 1) answered ON true
        LEFT JOIN LATERAL (
            SELECT a.streak FROM answers a
            WHERE a.user_id = u.id
              AND a.post_id = (SELECT q.id FROM posts q WHERE q.channel_id = i.channel_id AND q.id < i.post_id ORDER BY q.id DESC LIMIT 1)
            LIMIT 1
        ) earlier ON true
        """;

    // Locked in the order of the arrays, which the caller sorts: the same order on every node.
    private const string HoldCards =
        """
        SELECT c.user_id, c.question_id, c.state, c.stability, c.difficulty, c.due, c.last_review, c.reps, c.lapses, c.last_rating
        FROM unnest($1::text[], $2::text[], $3::text[]) AS i(platform, external_id, question_id)
        CROSS JOIN LATERAL (SELECT id FROM users WHERE platform = i.platform AND external_id = i.external_id LIMIT 1) u
        CROSS JOIN LATERAL (
            SELECT * FROM review_cards WHERE user_id = u.id AND question_id = i.question_id LIMIT 1 FOR UPDATE
        ) c
        """;

    // Cards and review log rows only for answers the unique key let in: both commit with the answer, or neither.
    private const string InsertAnswers =
        """
        WITH inserted AS (
            INSERT INTO answers (post_id, user_id, channel_id, topic_id, choices, is_correct, points, streak, answered_at)
            SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::boolean[], $7::int[], $8::int[], $9::bigint[])
                AS a(post_id, user_id, channel_id, topic_id, choices, is_correct, points, streak, answered_at)
            ORDER BY post_id, user_id
            ON CONFLICT (post_id, user_id) DO NOTHING
            RETURNING user_id
        ), review AS (
            SELECT * FROM unnest($10::bigint[], $11::text[], $12::text[], $13::text[], $14::int[], $15::bigint[], $16::int[], $17::text[],
                    $18::int[], $19::float8[], $20::float8[], $21::bigint[], $22::bigint[], $23::int[], $24::int[], $25::int[],
                    $26::int[], $27::float8[], $28::float8[], $29::bigint[], $30::bigint[], $31::int[], $32::int[])
                AS r(user_id, question_id, pack_id, topic_id, rating, reviewed_at, elapsed_days, source,
                     before_state, before_stability, before_difficulty, before_due, before_last_review, before_reps, before_lapses, before_last_rating,
                     state, stability, difficulty, due, last_review, reps, lapses)
            WHERE r.user_id IN (SELECT user_id FROM inserted)
        ), cards AS (
            INSERT INTO review_cards (user_id, question_id, pack_id, topic_id, state, stability, difficulty, due, last_review, reps, lapses, last_rating, retired)
            SELECT user_id, question_id, pack_id, topic_id, state, stability, difficulty, due, last_review, reps, lapses, rating, false
            FROM review ORDER BY user_id, question_id
        """ + "\n" + ReviewCardWrites.CardUpdate + "\n" +
        """
        ), logs AS (
            INSERT INTO review_log (user_id, question_id, rating, reviewed_at, elapsed_days, source, before_state, before_stability,
                before_difficulty, before_due, before_last_review, before_reps, before_lapses, before_last_rating)
            SELECT user_id, question_id, rating, reviewed_at, elapsed_days, source, before_state, before_stability,
                before_difficulty, before_due, before_last_review, before_reps, before_lapses, before_last_rating
            FROM review
        )
        SELECT user_id FROM inserted
        """;

    private readonly AnswerOutcome[] _outcomes = new AnswerOutcome[answers.Count];
    private readonly long[] _userIds = new long[answers.Count];

    /// <summary>Writes and commits the batch on <paramref name="connection"/>; each answer's outcome, in order, and its member's id.</summary>
    public (AnswerOutcome[] Outcomes, long[] UserIds) Commit(NpgsqlConnection connection)
    {
        var rounds = Rounds();
        for (var r = 0; r < rounds.Count; r++) WriteRound(connection, rounds[r], first: r == 0, last: r == rounds.Count - 1);
        return (_outcomes, _userIds);
    }

    /// <summary>Indexes of the answers, split so that each round holds each member at most once, in arrival order.</summary>
    private List<List<int>> Rounds()
    {
        var rounds = new List<List<int>>();
        var seen = new Dictionary<(string, string), int>();
        for (var i = 0; i < answers.Count; i++)
        {
            var key = (answers[i].User.Platform, answers[i].User.UserId);
            var round = seen.GetValueOrDefault(key);
            seen[key] = round + 1;
            if (round == rounds.Count) rounds.Add([]);
            rounds[round].Add(i);
        }
        return rounds;
    }

    private void WriteRound(NpgsqlConnection connection, List<int> round, bool first, bool last)
    {
        var open = ReadRound(connection, round, first);
        using var write = new NpgsqlBatch(connection);
        var inserting = open.Count > 0;
        if (inserting) write.BatchCommands.Add(InsertCommand(open));
        if (last) write.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        if (write.BatchCommands.Count == 0) return;
        var inserted = new HashSet<long>();
        using (var reader = write.ExecuteReader())
        {
            if (inserting)
            {
                while (reader.Read()) inserted.Add(reader.GetInt64(0));
            }
        }
        foreach (var planned in open) _outcomes[planned.Index] = inserted.Contains(planned.UserId) ? AnswerOutcome.Recorded : AnswerOutcome.AlreadyAnswered;
    }

    /// <summary>The first round trip of a round: sets every outcome it can decide already, and returns the answers to insert.</summary>
    private List<PlannedAnswer> ReadRound(NpgsqlConnection connection, List<int> round, bool first)
    {
        using var read = new NpgsqlBatch(connection);
        if (first) read.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        var newcomers = round.Where(i => users.Find(answers[i].User) is null).Select(i => answers[i].User).ToList();
        if (newcomers.Count > 0)
            read.BatchCommands.Add(Command(UpsertUsers, newcomers.Select(u => u.Platform).ToArray(), newcomers.Select(u => u.UserId).ToArray(),
                newcomers.Select(u => u.DisplayName).ToArray()));
        read.BatchCommands.Add(Command(HoldOpenPosts, round.Select(i => answers[i].PostId).Distinct().ToArray()));
        var reviewed = round.Where(i => answers[i].Review is not null)
            .OrderBy(i => answers[i].User.Platform, StringComparer.Ordinal).ThenBy(i => answers[i].User.UserId, StringComparer.Ordinal)
            .ThenBy(i => answers[i].Review!.QuestionId, StringComparer.Ordinal).ToList();
        if (reviewed.Count > 0)
            read.BatchCommands.Add(Command(HoldCards, reviewed.Select(i => answers[i].User.Platform).ToArray(),
                reviewed.Select(i => answers[i].User.UserId).ToArray(), reviewed.Select(i => answers[i].Review!.QuestionId).ToArray()));
        read.BatchCommands.Add(Command(ReadAnswerStates, round.ToArray(), round.Select(i => answers[i].PostId).ToArray(),
            round.Select(i => answers[i].ChannelId).ToArray(), round.Select(i => answers[i].User.Platform).ToArray(),
            round.Select(i => answers[i].User.UserId).ToArray(), round.Select(i => Time.ToMs(answers[i].AnsweredAt)).ToArray()));

        var cards = new Dictionary<(long, string), ReviewCardWrites.CardRow>();
        var open = new List<PlannedAnswer>();
        using var reader = read.ExecuteReader();
        reader.NextResult(); // past the posts held
        if (reviewed.Count > 0)
        {
            while (reader.Read())
            {
                cards[(reader.GetInt64(0), reader.GetString(1))] = new ReviewCardWrites.CardRow
                {
                    State = reader.GetInt32(2), Stability = reader.GetDouble(3), Difficulty = reader.GetDouble(4), Due = reader.GetInt64(5),
                    LastReview = reader.IsDBNull(6) ? null : reader.GetInt64(6), Reps = reader.GetInt32(7), Lapses = reader.GetInt32(8),
                    LastRating = reader.GetInt32(9),
                };
            }
            reader.NextResult();
        }
        var found = 0;
        while (reader.Read())
        {
            found++;
            var index = reader.GetInt32(0);
            var userId = reader.GetInt64(1);
            var (exists, isOpen, answered, streakBefore) = (reader.GetBoolean(2), reader.GetBoolean(3), reader.GetBoolean(4), reader.GetInt32(5));
            _userIds[index] = userId;
            _outcomes[index] = !exists ? AnswerOutcome.UnknownPost : answered ? AnswerOutcome.AlreadyAnswered : AnswerOutcome.Closed;
            if (!exists || !isOpen || answered) continue;
            var answer = answers[index];
            var (points, streak) = ScoringRules.Score(answer.IsCorrect, streakBefore);
            var card = answer.Review is { } review ? cards.GetValueOrDefault((userId, review.QuestionId)) : null;
            open.Add(new PlannedAnswer(index, userId, answer, points, streak, card,
                answer.Review is { } r ? ReviewCardWrites.Plan(card, r) : null));
        }
        // Every answer's member was added above or is known, so a missing row is a bug, never an outcome.
        if (found != round.Count) throw new InvalidOperationException($"{round.Count - found} of {round.Count} answers found no member row.");
        return open;
    }

    private static NpgsqlBatchCommand InsertCommand(List<PlannedAnswer> open)
    {
        var reviews = open.Where(p => p.Review is not null).ToList();
        object[] values =
        [
            open.Select(p => p.Answer.PostId).ToArray(), open.Select(p => p.UserId).ToArray(), open.Select(p => p.Answer.ChannelId).ToArray(),
            open.Select(p => p.Answer.TopicId).ToArray(), open.Select(p => p.Answer.Choices).ToArray(), open.Select(p => p.Answer.IsCorrect).ToArray(),
            open.Select(p => p.Points).ToArray(), open.Select(p => p.Streak).ToArray(), open.Select(p => Time.ToMs(p.Answer.AnsweredAt)).ToArray(),
            reviews.Select(p => p.UserId).ToArray(), reviews.Select(p => p.Answer.Review!.QuestionId).ToArray(),
            reviews.Select(p => p.Answer.Review!.PackId).ToArray(), reviews.Select(p => p.Answer.Review!.TopicId).ToArray(),
            reviews.Select(p => (int)p.Answer.Review!.Rating).ToArray(), reviews.Select(p => Time.ToMs(p.Answer.Review!.ReviewedAt)).ToArray(),
            reviews.Select(p => ReviewCardWrites.ElapsedDays(p.Review!.Value.Before, p.Answer.Review!.ReviewedAt)).ToArray(),
            reviews.Select(p => ReviewCardWrites.SourceName(p.Answer.Review!.Source)).ToArray(),
            .. CardColumns(reviews.Select(p => p.Review!.Value.Before).ToList()),
            reviews.Select(p => p.StoredCard?.LastRating).ToArray(),
            .. CardColumns(reviews.Select(p => p.Review!.Value.After).ToList()),
        ];
        return Command(InsertAnswers, values);
    }

    /// <summary>state, stability, difficulty, due, last_review, reps, lapses of each card, as arrays.</summary>
    private static object[] CardColumns(List<Core.Review.MemoryCard> cards) =>
    [
        cards.Select(c => (int)c.State).ToArray(), cards.Select(c => c.Stability).ToArray(), cards.Select(c => c.Difficulty).ToArray(),
        cards.Select(c => Time.ToMs(c.Due)).ToArray(), cards.Select(c => c.LastReview is { } last ? Time.ToMs(last) : (long?)null).ToArray(),
        cards.Select(c => c.Reps).ToArray(), cards.Select(c => c.Lapses).ToArray(),
    ];

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }

    private sealed record PlannedAnswer(int Index, long UserId, NewAnswer Answer, int Points, int Streak, ReviewCardWrites.CardRow? StoredCard,
        (Core.Review.MemoryCard Before, Core.Review.MemoryCard After)? Review);
}
