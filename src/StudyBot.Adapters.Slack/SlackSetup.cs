using StudyBot.Adapters.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Slack.Bot.Interactions;
using StudyBot.Adapters.Slack.Bot;
using StudyBot.Adapters.Slack.Client.SocketMode;
using StudyBot.Adapters.Slack.Client.WebApi;
using StudyBot.Core.Chat;
using StudyBot.Core.Cluster;

namespace StudyBot.Adapters.Slack;

public static class SlackSetup
{
    /// <summary>
    /// The Slack adapter: Socket Mode for <c>/study</c> and button clicks, the Web API for posts.
    /// Registers nothing unless <c>StudyBot:Slack:AppToken</c> or <c>StudyBot:Slack:BotToken</c> is set;
    /// once one is, both are validated at start.
    /// </summary>
    public static IHostApplicationBuilder AddSlack(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SlackOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(SlackOptions.AppToken)]) && string.IsNullOrWhiteSpace(section[nameof(SlackOptions.BotToken)]))
            return builder;

        builder.AddClusterPresence();
        var services = builder.Services;
        services.AddOptions<SlackOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        // Our own log lines redact; the factory's would print response URLs, which are credentials.
        services.AddHttpClient(SlackWebApi.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();

        services.AddSingleton(new ChatAdapterOn(SlackPlatform.Id));
        services.AddKeyedSingleton(SlackPlatform.Id, (provider, _) => new AdapterStatus(SlackPlatform.Id, provider.GetRequiredService<IChatAdapterRegistry>()));
        services.AddSingleton<SlackWebApi>();
        services.AddSingleton<ChannelPacer>();
        services.AddSingleton<WorkspaceMessagePacer>();
        services.AddSingleton<EnvelopeClaims>();
        services.AddSingleton<SlackUserDirectory>();
        services.AddSingleton<ReplyDelivery>();
        services.AddSingleton<SlackResponder>();
        services.AddSingleton<SlackForms>();
        services.AddSingleton<DirectChannels>();
        services.AddSingleton<DirectMessages>();
        services.AddSingleton<FileDelivery>();
        services.AddSingleton<DailyPostHistory>();
        services.AddSingleton<IChatPlatform, SlackPlatform>();

        // What StudyBot answers on Slack: one handler per envelope type.
        services.AddSingleton<IEnvelopeHandler, SlashCommandHandler>();
        services.AddSingleton<IEnvelopeHandler, BlockActionsHandler>();

        services.AddSingleton<EnvelopeDispatcher>();
        services.AddSingleton<SocketConnector>();
        services.AddHostedService<SocketModeService>();
        return builder;
    }
}
