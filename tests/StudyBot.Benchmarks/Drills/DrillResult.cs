namespace StudyBot.Benchmarks.Drills;

/// <summary>One drill's verdict and what it saw.</summary>
public sealed record DrillResult(string Drill, bool Passed, string Details);
