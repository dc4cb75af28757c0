namespace StudyBot.Testing.Discord.Conformance;

/// <summary>The bot sent requests that Discord's spec rejects; thrown when the fake Discord is disposed, so the test fails.</summary>
public sealed class SpecViolationException(string source, IReadOnlyList<string> problems)
    : Exception($"Discord's spec ({source}) rejects {problems.Count} thing(s) the bot sent:{Environment.NewLine}"
        + string.Join(Environment.NewLine, problems.Take(40)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
