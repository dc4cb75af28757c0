using Microsoft.Extensions.Options;
using StudyBot.Core.Content;
using StudyBot.Core.Storage;

namespace StudyBot.Core.Review;

/// <summary>Turns an answer into the review of the member's card: wrong is Again, right is Good, scheduled by FSRS.</summary>
public sealed class CardReviews(IOptions<ReviewOptions> options, Random random)
{
    private readonly FsrsScheduler _scheduler = new(FsrsParameters.Default with
    {
        DesiredRetention = options.Value.DesiredRetention,
        MaximumIntervalDays = options.Value.MaximumIntervalDays,
    });

    public FsrsScheduler Scheduler => _scheduler;

    public static Rating RatingFor(bool isCorrect) => isCorrect ? Rating.Good : Rating.Again;

    /// <summary>The scheduling step the store runs on the card it reads in the answer's transaction.</summary>
    public ScheduleCard Schedule => (before, rating, at) => _scheduler.Review(before, rating, at, random);

    public CardReview For(string packId, Question question, bool isCorrect, ReviewSource source, DateTimeOffset at) =>
        new(packId, question.Id, question.TopicId, RatingFor(isCorrect), source, at, Schedule);
}
