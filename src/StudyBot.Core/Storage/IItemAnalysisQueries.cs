namespace StudyBot.Core.Storage;

/// <summary>
/// What item analysis reads from stored answers, pre-aggregated so a million answers cross the port as
/// a few thousand rows. Only daily answers to closed posts count, as on the boards: a practice answer
/// (<c>/quiz</c>, <c>/review</c>) is a repeat on a topic the member chose or was steered to, and it
/// stores no choice, so it would skew both the ranking and the choice shares.
/// </summary>
public interface IItemAnalysisQueries
{
    /// <summary>Each member's answered and correct count (as scored), over <paramref name="packId"/>'s posts or every pack when null.</summary>
    Task<IReadOnlyList<MemberTally>> MemberTalliesAsync(string? packId, CancellationToken cancellationToken);

    /// <summary>
    /// Answers counted per question, stored choices and group: members in <paramref name="top"/> or
    /// <paramref name="bottom"/> are counted in that group, everyone else in <see cref="ItemGroup.Middle"/>.
    /// </summary>
    Task<IReadOnlyList<ChoiceTally>> ChoiceTalliesAsync(string? packId, IReadOnlyCollection<long> top, IReadOnlyCollection<long> bottom,
        CancellationToken cancellationToken);

    /// <summary>
    /// A number that changes whenever the analysed answers may have changed (a post closed), so a finished
    /// analysis can be kept until it does; null when the store cannot tell, and then nothing is kept.
    /// </summary>
    ValueTask<long?> AnswersVersionAsync(CancellationToken cancellationToken) => ValueTask.FromResult<long?>(null);
}

/// <summary>A member's record over the analysed answers; it ranks the member for the discrimination index.</summary>
public sealed record MemberTally(long UserId, int Answered, int Correct);

/// <summary>Where a member stands in the ranking used by the discrimination index.</summary>
public enum ItemGroup
{
    Middle = 0,
    Top = 1,
    Bottom = 2,
}

/// <summary>
/// How many members of <paramref name="Group"/> answered a question with exactly these choices.
/// <paramref name="Choices"/> is the stored form: zero-based indexes, ascending, comma-separated ("0,2").
/// </summary>
public sealed record ChoiceTally(string PackId, string QuestionId, string Choices, ItemGroup Group, int Count);
