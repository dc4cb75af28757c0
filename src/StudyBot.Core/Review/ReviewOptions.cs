using System.ComponentModel.DataAnnotations;

namespace StudyBot.Core.Review;

/// <summary>How reviews are scheduled. Bound from the <c>StudyBot:Review</c> section.</summary>
public sealed class ReviewOptions
{
    public const string Section = "StudyBot:Review";

    /// <summary>The recall probability FSRS aims for when a card comes due: higher means shorter intervals.</summary>
    [Range(0.70, 0.99, ErrorMessage = "StudyBot:Review:DesiredRetention must be between 0.70 and 0.99.")]
    public double DesiredRetention { get; set; } = 0.9;

    /// <summary>Cards <c>/review</c> introduces per member and day, after the due ones.</summary>
    [Range(0, 1000, ErrorMessage = "StudyBot:Review:NewCardsPerDay must be between 0 and 1000.")]
    public int NewCardsPerDay { get; set; } = 10;

    /// <summary>The longest interval between two reviews of a card.</summary>
    [Range(1, 36500, ErrorMessage = "StudyBot:Review:MaximumIntervalDays must be between 1 and 36500.")]
    public int MaximumIntervalDays { get; set; } = 36500;
}
