using Microsoft.Extensions.Hosting;
using StudyBot.Adapters.Console;
using StudyBot.Adapters.Discord;
using StudyBot.Adapters.Slack;
using StudyBot.Content;
using StudyBot.Core;
using StudyBot.Web;

namespace StudyBot;

/// <summary>The bot's composition: each feature wires itself in one call. Tests build the same host.</summary>
public static class StudyBotHost
{
    public static HostApplicationBuilder CreateBuilder(string[] args)
    {
        // appsettings.json ships beside the binary; relative paths in it (content/, data/) start at the working directory.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddChatAdapterRegistry()
            .AddStudyCore()
            .AddStudyContent()
            .AddStudyStorageAndScheduling() // StudyBot:Storage:Provider: sqlite (default) or postgres (clustered)
            .AddDiscord()
            .AddSlack()
            .AddConsoleChat() // on by itself when no other adapter is configured, wherever it stands in this list
            .AddStudyWeb(); // only when StudyBot:Web:Urls is set
        return builder;
    }
}
