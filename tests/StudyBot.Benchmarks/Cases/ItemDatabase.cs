using System.Globalization;
using Dapper;
using StudyBot.Core.Content;
using StudyBot.Storage.Sqlite;

namespace StudyBot.Benchmarks.Cases;

/// <summary>
/// 1,000,000 daily answers on closed posts of the real pack's questions, for item analysis and the
/// questions page: 200 channels (disabled, so nothing gets posted) of 60 members, 100 days each, 50 of
/// the members answering each post. Questions rotate so each is posted about 60 times; a member's
/// chance of being right rises with their skill and a question's easiness, and a wrong answer picks a
/// random wrong choice. Written straight into the store's tables with synchronous=OFF: fixtures.
/// </summary>
public static class ItemDatabase
{
    public const int Channels = 200, MembersPerChannel = 60, Days = 100, AnswersPerPost = 50;
    public const int Answers = Channels * Days * AnswersPerPost;

    public static void Seed(SqliteDatabase database, string packId, IReadOnlyList<Question> questions, DateOnly today)
    {
        using var connection = database.Open();
        connection.Execute("PRAGMA synchronous = OFF;");
        using var transaction = connection.BeginTransaction();
        var random = new Random(42);
        var firstChannel = connection.ExecuteScalar<long>("SELECT COALESCE(MAX(id), 0) + 1 FROM channels", transaction: transaction);
        var firstUser = connection.ExecuteScalar<long>("SELECT COALESCE(MAX(id), 0) + 1 FROM users", transaction: transaction);
        connection.Execute("INSERT INTO channels (id, platform, external_id, enabled, time_zone, pack_id) VALUES (@Id, 'items', @Name, 0, 'UTC', @packId)",
            Enumerable.Range(0, Channels).Select(c => new { Id = firstChannel + c, Name = $"c{c}", packId }), transaction);
        connection.Execute("INSERT INTO users (id, platform, external_id, display_name) VALUES (@Id, 'items', @Name, @Name)",
            Enumerable.Range(0, Channels * MembersPerChannel).Select(u => new { Id = firstUser + u, Name = $"u{u}" }), transaction);
        var easiness = questions.Select(_ => random.NextDouble() * 0.7 - 0.35).ToArray();

        using var post = Prepare(connection, transaction,
            "INSERT INTO posts (channel_id, pack_id, question_id, local_date, opens_at, closes_at, closed_at) VALUES ($channel, $pack, $question, $date, $opens, $closes, $closes) RETURNING id",
            "$channel", "$pack", "$question", "$date", "$opens", "$closes");
        using var answer = Prepare(connection, transaction,
            "INSERT INTO answers (post_id, user_id, channel_id, topic_id, choices, is_correct, points, streak, answered_at) VALUES ($post, $user, $channel, $topic, $choices, $correct, $points, 0, $at)",
            "$post", "$user", "$channel", "$topic", "$choices", "$correct", "$points", "$at");
        var members = new int[MembersPerChannel];
        for (var c = 0; c < Channels; c++)
        {
            for (var d = 0; d < Days; d++)
            {
                var q = (c * 7 + d * 13) % questions.Count;
                var question = questions[q];
                var date = today.AddDays(d - Days);
                var opens = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero).ToUnixTimeMilliseconds();
                var closes = opens + 12 * 3_600_000L;
                var postId = Run(post, firstChannel + c, packId, question.Id, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), opens, closes);
                for (var m = 0; m < MembersPerChannel; m++) members[m] = m;
                random.Shuffle(members);
                foreach (var m in members[..AnswersPerPost])
                {
                    var skill = 0.25 + 0.6 * m / MembersPerChannel;
                    var correct = random.NextDouble() < Math.Clamp(skill + easiness[q], 0.02, 0.98);
                    Run(answer, postId, firstUser + c * MembersPerChannel + m, firstChannel + c, question.TopicId,
                        correct ? Key(question) : WrongChoice(question, random), correct ? 1 : 0, correct ? 10 : 0, opens + random.Next(12 * 3_600_000));
                }
            }
        }
        connection.Execute(
            "INSERT INTO board_totals (channel_id, user_id, points, correct, answered) " +
            "SELECT channel_id, user_id, SUM(points), SUM(is_correct), COUNT(*) FROM answers WHERE channel_id >= @firstChannel GROUP BY channel_id, user_id",
            new { firstChannel }, transaction);
        transaction.Commit();
        connection.Execute("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
    }

    private static string Key(Question question) => string.Join(',', question.CorrectChoices.Order());

    private static string WrongChoice(Question question, Random random)
    {
        var choices = question.Kind == QuestionKind.TrueFalse ? 2 : question.Choices.Count;
        var wrong = Enumerable.Range(0, choices).Where(i => !question.CorrectChoices.Contains(i)).ToArray();
        return wrong.Length == 0 ? Key(question) : wrong[random.Next(wrong.Length)].ToString(CultureInfo.InvariantCulture);
    }

    private static Microsoft.Data.Sqlite.SqliteCommand Prepare(Microsoft.Data.Sqlite.SqliteConnection connection,
        Microsoft.Data.Sqlite.SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static long Run(Microsoft.Data.Sqlite.SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        return command.ExecuteScalar() is long id ? id : 0;
    }
}
