namespace StudyBot.Core.Review;

/// <summary>FSRS card states. Long-term scheduling moves a card from New straight to Review.</summary>
public enum CardState { New = 0, Learning = 1, Review = 2, Relearning = 3 }
