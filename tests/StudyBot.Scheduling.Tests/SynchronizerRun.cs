using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using StudyBot.Testing;

namespace StudyBot.Scheduling.Tests;

/// <summary>
/// A start of the bot on a SQLite file up to and including its schedule synchronizer. Quartz stays in
/// standby, so the store shows exactly what the synchronizer left: nothing has fired and no misfire
/// has been handled yet.
/// </summary>
internal sealed class SynchronizerRun : IAsyncDisposable
{
    private readonly IHost _host;

    private SynchronizerRun(IHost host, IScheduler scheduler)
    {
        _host = host;
        Scheduler = scheduler;
    }

    public IScheduler Scheduler { get; }

    public static async Task<SynchronizerRun> StartAsync(string databasePath, TimeProvider clock)
    {
        var host = SchedulerHost.Build(databasePath, clock, new RecordingChatPlatform());
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await host.Services.GetServices<IHostedService>().OfType<ScheduleSynchronizer>().Single().StartAsync(default);
        return new SynchronizerRun(host, scheduler);
    }

    public async Task<ITrigger> TriggerAsync(TriggerKey key) =>
        await Scheduler.GetTrigger(key) ?? throw new Xunit.Sdk.XunitException($"no trigger {key}");

    public async ValueTask DisposeAsync()
    {
        // Quartz keeps the scheduler by name for the whole process: the next run must get a new one.
        await Scheduler.Shutdown(false, default);
        _host.Dispose();
    }
}
