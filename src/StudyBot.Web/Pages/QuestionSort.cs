using StudyBot.Core.Items;

namespace StudyBot.Web.Pages;

/// <summary>The questions table's sortable columns. Questions without a value (no answers, no index) stay last either way.</summary>
public static class QuestionSort
{
    public const string Id = "id";
    public const string Topic = "topic";
    public const string Answered = "answered";
    public const string Correct = "correct";
    public const string Discrimination = "discrimination";

    public static IReadOnlyList<string> Keys { get; } = [Id, Topic, Answered, Correct, Discrimination];

    /// <summary>The questions in <paramref name="key"/>'s order (pack order for an unknown key); ties keep pack order.</summary>
    public static IReadOnlyList<ItemStats> Apply(IReadOnlyList<ItemStats> questions, string? key, bool descending) => key switch
    {
        Id => By(questions, q => q.Question.Id, StringComparer.Ordinal, descending),
        Topic => By(questions, q => q.Question.TopicId, StringComparer.Ordinal, descending),
        Answered => By(questions, q => (double?)q.Answered, Comparer<double?>.Default, descending),
        Correct => By(questions, q => q.CorrectRate, Comparer<double?>.Default, descending),
        Discrimination => By(questions, q => q.Discrimination, Comparer<double?>.Default, descending),
        _ => questions,
    };

    private static List<ItemStats> By<T>(IReadOnlyList<ItemStats> questions, Func<ItemStats, T?> value, IComparer<T?> comparer, bool descending)
    {
        var present = questions.Where(q => value(q) is not null);
        var sorted = descending ? present.OrderByDescending(value, comparer) : present.OrderBy(value, comparer);
        return [.. sorted, .. questions.Where(q => value(q) is null)];
    }
}
