using StudyBot.Adapters.Discord.Gateway;

namespace StudyBot.Adapters.Discord.Tests.Gateway;

public sealed class CloseCodesTests
{
    [Theory]
    [InlineData(4004, NextStep.Stop)]
    [InlineData(4010, NextStep.Stop)]
    [InlineData(4011, NextStep.Stop)]
    [InlineData(4012, NextStep.Stop)]
    [InlineData(4013, NextStep.Stop)]
    [InlineData(4014, NextStep.Stop)]
    [InlineData(4007, NextStep.Identify)]
    [InlineData(4009, NextStep.Identify)]
    [InlineData(4000, NextStep.Resume)]
    [InlineData(4001, NextStep.Resume)]
    [InlineData(4002, NextStep.Resume)]
    [InlineData(4003, NextStep.Resume)]
    [InlineData(4005, NextStep.Resume)]
    [InlineData(4008, NextStep.Resume)]
    [InlineData(1000, NextStep.Resume)]
    [InlineData(1001, NextStep.Resume)]
    [InlineData(1006, NextStep.Resume)]
    [InlineData(4999, NextStep.Resume)]
    [InlineData(null, NextStep.Resume)]
    public void Every_close_code_has_a_next_step(int? code, NextStep expected)
    {
        var (next, reason) = CloseCodes.Decide(code);

        Assert.Equal(expected, next);
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Fact]
    public void Fatal_reasons_name_the_setting_to_fix()
    {
        Assert.Contains("StudyBot:Discord:Token (environment StudyBot__Discord__Token)", CloseCodes.Decide(4004).Reason, StringComparison.Ordinal);
        Assert.Contains("StudyBot__Discord__ShardCount", CloseCodes.Decide(4011).Reason, StringComparison.Ordinal);
    }
}
