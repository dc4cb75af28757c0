using StudyBot.Adapters.Discord.Client.Gateway;

namespace StudyBot.Adapters.Discord.Tests.Gateway;

public sealed class CloseCodesTests
{
    [Theory]
    [InlineData(4004, nameof(NextStep.Stop))]
    [InlineData(4010, nameof(NextStep.Stop))]
    [InlineData(4011, nameof(NextStep.Stop))]
    [InlineData(4012, nameof(NextStep.Stop))]
    [InlineData(4013, nameof(NextStep.Stop))]
    [InlineData(4014, nameof(NextStep.Stop))]
    [InlineData(4007, nameof(NextStep.Identify))]
    [InlineData(4009, nameof(NextStep.Identify))]
    [InlineData(4000, nameof(NextStep.Resume))]
    [InlineData(4001, nameof(NextStep.Resume))]
    [InlineData(4002, nameof(NextStep.Resume))]
    [InlineData(4003, nameof(NextStep.Resume))]
    [InlineData(4005, nameof(NextStep.Resume))]
    [InlineData(4008, nameof(NextStep.Resume))]
    [InlineData(1000, nameof(NextStep.Resume))]
    [InlineData(1001, nameof(NextStep.Resume))]
    [InlineData(1006, nameof(NextStep.Resume))]
    [InlineData(4999, nameof(NextStep.Resume))]
    [InlineData(null, nameof(NextStep.Resume))]
    // The step travels by name: NextStep is internal, and xunit theories are public methods.
    public void Every_close_code_has_a_next_step(int? code, string expected)
    {
        var (next, reason) = CloseCodes.Decide(code);

        Assert.Equal(Enum.Parse<NextStep>(expected), next);
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Fact]
    public void Fatal_reasons_name_the_setting_to_fix()
    {
        Assert.Contains("StudyBot:Discord:Token (environment StudyBot__Discord__Token)", CloseCodes.Decide(4004).Reason, StringComparison.Ordinal);
        Assert.Contains("StudyBot__Discord__ShardCount", CloseCodes.Decide(4011).Reason, StringComparison.Ordinal);
    }
}
