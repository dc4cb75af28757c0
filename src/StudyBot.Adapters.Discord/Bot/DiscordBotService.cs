using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StudyBot.Adapters.Discord.Bot.Interactions;
using StudyBot.Adapters.Discord.Bot.Rendering;
using StudyBot.Adapters.Discord.Client.Gateway;
using StudyBot.Adapters.Discord.Client.Rest;
using StudyBot.Adapters.Common;

namespace StudyBot.Adapters.Discord.Bot;

/// <summary>
/// The Discord adapter's hosted service: keeps this node's shards connected, hands interactions to their
/// handlers and registers the slash commands. It turns platform events into core calls and nothing
/// more; a fatal error is reported once and the service stops instead of retrying.
/// </summary>
internal sealed class DiscordBotService(
    GatewayClient gateway,
    ShardClaims shards,
    InteractionPump interactions,
    DiscordApi api,
    [FromKeyedServices(DiscordAdapterId.Value)] AdapterStatus status,
    IOptions<DiscordOptions> options,
    ILogger<DiscordBotService> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        status.Started();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Token))
        {
            status.Fail($"No bot token: set {DiscordOptionsValidator.Setting(nameof(DiscordOptions.Token))} to the token from the Developer Portal (Bot → Reset Token).");
            return;
        }
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, status.Stopped);
        var pump = interactions.RunAsync(running.Token);
        var registration = RegisterCommandsAsync(running.Token);
        try
        {
            await shards.RunAsync(running.Token);
        }
        catch (AdapterStoppedException e)
        {
            status.Fail(e.Message);
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            // Stopping, or a fatal error was reported elsewhere (a 401 on a REST call).
        }
        catch (Exception e)
        {
            // A bug, not a network problem (those are retried inside): stop this adapter visibly, keep the others.
            logger.GatewayLoopFailed(e);
            status.Fail($"The Discord adapter failed unexpectedly ({e.GetType().Name}: {e.Message}). Restart StudyBot; if it keeps happening, report it with the log.");
        }
        finally
        {
            await running.CancelAsync();
            await Task.WhenAll(pump, registration);
        }
    }

    private async Task RegisterCommandsAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.RegisterCommands) return;
        try
        {
            var applicationId = await gateway.ApplicationId.WaitAsync(cancellationToken);
            var global = string.IsNullOrEmpty(settings.CommandGuildId);
            await api.OverwriteCommandsAsync(applicationId, settings.CommandGuildId, CommandRegistration.Build(global), cancellationToken);
            logger.CommandsRegistered(SlashCommands.All.Count, global ? "globally" : $"in server {settings.CommandGuildId}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (AdapterStoppedException)
        {
            // Reported once through AdapterStatus; the gateway stops too.
        }
        catch (Exception e) when (e is DiscordApiException or HttpRequestException)
        {
            // The bot still answers commands registered earlier; say what to fix.
            logger.RegistrationFailed(e, e.Message);
        }
    }
}
