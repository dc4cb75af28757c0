namespace StudyBot.Scheduling.Tests;

/// <summary>
/// Test classes that run a real Quartz scheduler. Quartz keeps its schedulers in a process-wide
/// repository by name, and a test's triggers need the CPU to fire on time, so these classes run one
/// after another rather than side by side.
/// </summary>
[CollectionDefinition(Name)]
public sealed class QuartzCollection
{
    public const string Name = "Quartz";
}
