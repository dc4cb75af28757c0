using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Discord.Bot;
using StudyBot.Core.Chat;

namespace StudyBot.Adapters.Discord.Tests;

public sealed class DiscordSetupTests
{
    [Fact]
    public void Without_a_Discord_section_nothing_is_registered()
    {
        using var host = Build(new Dictionary<string, string?> { ["StudyBot:Slack:BotToken"] = "x" });

        Assert.Empty(host.Services.GetServices<IChatPlatform>());
        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), s => s is DiscordBotService);
    }

    [Fact]
    public void With_a_token_the_platform_and_the_bot_service_are_registered()
    {
        using var host = Build(new Dictionary<string, string?> { ["StudyBot:Discord:Token"] = "abc.def" });

        Assert.Equal("discord", Assert.Single(host.Services.GetServices<IChatPlatform>()).Name);
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is DiscordBotService);
    }

    [Theory]
    [InlineData("Token", "Bot abc.def", "StudyBot__Discord__Token")]
    [InlineData("ShardId", "2", "StudyBot__Discord__ShardId")]
    [InlineData("ShardCount", "-1", "StudyBot__Discord__ShardCount")]
    [InlineData("ShardCount", "many", "StudyBot__Discord__ShardCount")]
    [InlineData("CommandGuildId", "my-server", "StudyBot__Discord__CommandGuildId")]
    [InlineData("DeferAfter", "00:00:03", "StudyBot__Discord__DeferAfter")]
    [InlineData("GatewayUrl", "https://gateway.example", "StudyBot__Discord__GatewayUrl")]
    public void A_wrong_setting_fails_validation_with_a_message_that_names_it(string key, string value, string named)
    {
        using var host = Build(new Dictionary<string, string?> { ["StudyBot:Discord:Token"] = "abc.def", [$"StudyBot:Discord:{key}"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc.def", error.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddChatAdapterRegistry();
        builder.Services.AddSingleton<IChatInbox>(new RecordingInbox());
        builder.AddDiscord();
        return builder.Build();
    }
}
