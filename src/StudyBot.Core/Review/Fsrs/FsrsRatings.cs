namespace StudyBot.Core.Review;

internal static class FsrsRatings
{
    public static readonly Rating[] All = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];
}
