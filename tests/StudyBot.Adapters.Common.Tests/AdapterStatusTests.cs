namespace StudyBot.Adapters.Common.Tests;

public sealed class AdapterStatusTests
{
    private sealed class RecordingRegistry : IChatAdapterRegistry
    {
        public List<string> Events { get; } = [];

        public void Started(string platform) => Events.Add($"started {platform}");

        public void Failed(string platform, string reason) => Events.Add($"failed {platform}: {reason}");
    }

    [Fact]
    public void A_failure_is_reported_once_stops_the_adapter_and_is_rethrown_to_later_callers()
    {
        var registry = new RecordingRegistry();
        using var status = new AdapterStatus("slack", registry);
        status.Started();

        status.Fail("Check StudyBot:Slack:BotToken");
        status.Fail("a second reason");

        Assert.Equal(["started slack", "failed slack: Check StudyBot:Slack:BotToken"], registry.Events);
        Assert.True(status.Stopped.IsCancellationRequested);
        var thrown = Assert.Throws<AdapterStoppedException>(status.ThrowIfFailed);
        Assert.Equal("Check StudyBot:Slack:BotToken", thrown.Message);
    }

    [Fact]
    public void A_running_adapter_does_not_throw()
    {
        using var status = new AdapterStatus("discord", new RecordingRegistry());

        status.ThrowIfFailed();

        Assert.False(status.HasFailed);
        Assert.False(status.Stopped.IsCancellationRequested);
    }

    [Fact]
    public void A_setting_is_named_with_its_environment_variable()
    {
        Assert.Equal("StudyBot:Discord:Token (environment StudyBot__Discord__Token)", SettingName.Of("StudyBot:Discord", "Token"));
    }
}
