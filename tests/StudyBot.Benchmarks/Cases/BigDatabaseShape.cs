namespace StudyBot.Benchmarks.Cases;

/// <summary>A closed daily post of the big database and the answers it got.</summary>
public sealed record BigPost(long Id, int ChannelId, string QuestionId, DateOnly Date, long OpensAt, long ClosesAt, IReadOnlyList<BigAnswer> Answers);

public sealed record BigAnswer(int UserId, string TopicId, string Choices, bool Correct, int Points, int Streak, long AnsweredAt);

/// <summary>
/// The shape the issue names, the same rows for every provider: 1,000,000 answers from 10,000 users in
/// 500 channels, every post closed, 200 days of history ending today. Channel c0 is a big server
/// (1,000 members, 600 answers a day); the other 499 share the remaining 9,000 users (about 18 each,
/// 9 answers a day). Ids are 1-based; channel n is "c{n-1}", user n is "u{n-1}". A fixed seed, so
/// enumerating twice gives the same rows (PostgreSQL's COPY writes one table at a time).
/// </summary>
public static class BigDatabaseShape
{
    public const int Answers = 1_000_000, Users = 10_000, Channels = 500, Days = 200, TopicCount = 43;
    public const int BigChannelMembers = 1_000, BigChannelAnswersPerPost = 600;
    public const string BigChannel = "c0", TypicalChannel = "c250";

    public static string ChannelName(int id) => $"c{id - 1}";

    public static string UserName(int id) => $"u{id - 1}";

    public static IEnumerable<BigPost> Posts(DateOnly today)
    {
        var random = new Random(42);
        // Spread the answers the big channel does not give evenly over the other channels' posts.
        const long otherAnswers = Answers - BigChannelAnswersPerPost * Days, otherPosts = (Channels - 1) * Days;
        long postId = 0, otherPost = 0;
        for (var c = 0; c < Channels; c++)
        {
            var members = Members(c);
            for (var d = 0; d < Days; d++)
            {
                var date = today.AddDays(d - Days + 1);
                var opens = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero).ToUnixTimeMilliseconds();
                var closes = opens + 12 * 3_600_000L;
                var question = $"q{random.Next(335)}";
                int count;
                if (c == 0) count = BigChannelAnswersPerPost;
                else
                {
                    count = (int)((otherPost + 1) * otherAnswers / otherPosts - otherPost * otherAnswers / otherPosts);
                    otherPost++;
                }
                random.Shuffle(members);
                var answers = new List<BigAnswer>(count);
                foreach (var user in members[..count].Order())
                {
                    var correct = random.Next(100) < 60;
                    var streak = correct ? 1 + random.Next(6) : 0;
                    answers.Add(new BigAnswer(user, $"t{random.Next(TopicCount)}", correct ? "0" : "1", correct,
                        correct ? Math.Min(20, 8 + 2 * streak) : 0, streak, opens + random.Next(12 * 3_600_000)));
                }
                yield return new BigPost(++postId, c + 1, question, date, opens, closes, answers);
            }
        }
    }

    /// <summary>User ids (1-based) of a channel's members.</summary>
    private static int[] Members(int channel)
    {
        if (channel == 0) return Enumerable.Range(1, BigChannelMembers).ToArray();
        var others = Users - BigChannelMembers;
        return Enumerable.Range(0, others).Where(u => u % (Channels - 1) == channel - 1).Select(u => BigChannelMembers + u + 1).ToArray();
    }
}
