using StudyBot.Adapters.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Discord.Bot;
using StudyBot.Adapters.Discord.Bot.Interactions;
using StudyBot.Adapters.Discord.Client.Gateway;
using StudyBot.Adapters.Discord.Client.Rest;
using StudyBot.Core.Chat;
using StudyBot.Core.Cluster;

namespace StudyBot.Adapters.Discord;

public static class DiscordSetup
{
    /// <summary>
    /// The Discord adapter, when <c>StudyBot:Discord</c> is configured (at least its token). Without
    /// that section nothing is registered and the other adapters run alone. A section without a usable
    /// token is reported as a failed adapter, naming the setting.
    /// </summary>
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DiscordOptions.Section);
        if (!section.Exists()) return builder;

        builder.AddClusterPresence();
        var services = builder.Services;
        services.AddOptions<DiscordOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>();
        services.AddHttpClient(DiscordRestClient.HttpClientName, (provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
            var baseUrl = options.ApiBaseUrl.ToString();
            http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
            // Each attempt is bounded by AttemptTimeoutHandler instead: this timeout would count rate-limit waits too.
            http.Timeout = Timeout.InfiniteTimeSpan;
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bot {options.Token}");
            http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", $"DiscordBot ({options.UserAgentUrl}, 1.0)");
        })
            // The default HttpClient logs print request URLs, and interaction URLs hold tokens.
            // RateLimitHandler logs route templates instead.
            .RemoveAllLoggers()
            // Outermost first: retry after 429, stop on 401, wait for the bucket and global limit, bound one attempt.
            .AddHttpMessageHandler<RateLimitRetryHandler>()
            .AddHttpMessageHandler<RejectedTokenHandler>()
            .AddHttpMessageHandler<RateLimitHandler>()
            .AddHttpMessageHandler<AttemptTimeoutHandler>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new ChatAdapterOn(DiscordAdapterId.Value));
        services.AddKeyedSingleton(DiscordAdapterId.Value, (provider, _) => new AdapterStatus(DiscordAdapterId.Value, provider.GetRequiredService<IChatAdapterRegistry>()));
        // The handlers are recreated with each HttpClient handler lifetime; the limits they share are not.
        services.AddSingleton(provider => new DiscordRateLimits(provider.GetRequiredService<IOptions<DiscordOptions>>().Value, provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ClusterPresence>()));
        services.AddTransient<RateLimitRetryHandler>();
        services.AddTransient<RejectedTokenHandler>();
        services.AddTransient<RateLimitHandler>();
        services.AddTransient<AttemptTimeoutHandler>();
        services.AddSingleton<DiscordRestClient>();
        services.AddSingleton<DiscordApi>();
        services.AddSingleton<DirectMessages>();
        services.AddSingleton<IChatPlatform, DiscordPlatform>();

        services.AddSingleton<IdentifySlots>();
        services.AddSingleton<GatewayClient>();
        services.AddSingleton<ShardClaims>();
        services.AddSingleton<InteractionResponder>();
        services.AddSingleton<InteractionRouter>();
        services.AddSingleton<InteractionPump>();
        services.AddHostedService<DiscordBotService>();

        // The interactions StudyBot answers, one handler each.
        services.AddSingleton<IInteractionHandler, SlashCommandHandler>();
        services.AddSingleton<IInteractionHandler, ButtonClickHandler>();
        services.AddSingleton<IInteractionHandler, AutocompleteHandler>();
        services.AddSingleton<IInteractionHandler, ModalSubmitHandler>();
        return builder;
    }
}
