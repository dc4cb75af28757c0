using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StudyBot.Adapters.Console;
using StudyBot.Adapters.Slack;
using StudyBot.Core.Chat;

namespace StudyBot.Tests;

/// <summary>The AddX() calls compose in any order: the console turns itself off whenever another adapter is on.</summary>
public sealed class AdapterCompositionTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_console_stays_off_beside_slack_whichever_is_added_first(bool consoleFirst)
    {
        using var host = Build(consoleFirst, slack: true);

        var platforms = host.Services.GetRequiredService<ChatPlatforms>();
        Assert.True(platforms.IsRunning("slack"));
        Assert.False(platforms.IsRunning("console"));
        Assert.False(host.Services.GetRequiredService<ConsoleActivation>().IsOn);
    }

    [Fact]
    public void Alone_the_console_is_on()
    {
        using var host = Build(consoleFirst: true, slack: false);

        Assert.True(host.Services.GetRequiredService<ChatPlatforms>().IsRunning("console"));
    }

    private static IHost Build(bool consoleFirst, bool slack)
    {
        var builder = Host.CreateApplicationBuilder();
        if (slack)
        {
            builder.Configuration["StudyBot:Slack:AppToken"] = "xapp-1-test";
            builder.Configuration["StudyBot:Slack:BotToken"] = "xoxb-test";
        }
        builder.AddChatAdapterRegistry().AddStudyCoreForComposition();
        if (consoleFirst) builder.AddConsoleChat().AddSlack();
        else builder.AddSlack().AddConsoleChat();
        return builder.Build();
    }
}

internal static class CompositionSetup
{
    /// <summary>Just what resolving the platforms needs; no content, storage or scheduler.</summary>
    public static IHostApplicationBuilder AddStudyCoreForComposition(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ChatPlatforms>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
