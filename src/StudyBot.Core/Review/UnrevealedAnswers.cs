using StudyBot.Core.Storage;

namespace StudyBot.Core.Review;

/// <summary>
/// Cards held back while their question is an open daily question somewhere. A daily click updates the
/// member's card at once (in the answer's transaction), so until the reveal its interval, its maturity and
/// its recall would tell whether the click was right, and a <c>/review</c> of it would show the answer.
/// <c>/review</c>, <c>/stats</c> and <c>/export</c> leave these cards out until the question closes, and
/// neither <c>/review</c> nor <c>/quiz</c> asks the question meanwhile. "Open" is the post's state, not its
/// closing time: a post past its window that the close job has not closed yet is still unrevealed.
/// </summary>
public sealed class UnrevealedAnswers(IPostStore posts)
{
    /// <summary>The questions open as daily questions now, with the earliest instant each opened.</summary>
    public async Task<Held> OpenAsync(CancellationToken cancellationToken) =>
        new((await posts.ListOpenAsync(cancellationToken)).GroupBy(p => p.QuestionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(p => p.OpensAt), StringComparer.Ordinal));

    public sealed record Held(IReadOnlyDictionary<string, DateTimeOffset> OpenedAt)
    {
        /// <summary>The held questions, for the store to leave out.</summary>
        public IReadOnlyCollection<string> QuestionIds { get; } = [.. OpenedAt.Keys];

        public bool Contains(string questionId) => OpenedAt.ContainsKey(questionId);

        public IReadOnlyList<StoredCard> Without(IEnumerable<StoredCard> cards) => cards.Where(c => !Contains(c.QuestionId)).ToList();

        /// <summary>
        /// The 30-day recall count less the answers to open questions: a held card last reviewed since its
        /// question opened, and seen before that (first reviews are not counted), was counted once.
        /// </summary>
        public RecallCount Without(RecallCount recall, IEnumerable<StoredCard> cards, DateTimeOffset since)
        {
            foreach (var card in cards)
            {
                if (!OpenedAt.TryGetValue(card.QuestionId, out var opened) || card.Memory.LastReview is not { } last) continue;
                if (last < opened || last < since || card.Memory.Reps < 2) continue;
                recall = new RecallCount(recall.Reviewed - 1, recall.Recalled - (card.LastRating == Rating.Again ? 0 : 1));
            }
            return recall;
        }
    }
}
