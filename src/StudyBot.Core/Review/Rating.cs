namespace StudyBot.Core.Review;

/// <summary>How well a member recalled a card; the numbers are FSRS's grades.</summary>
public enum Rating { Again = 1, Hard = 2, Good = 3, Easy = 4 }
