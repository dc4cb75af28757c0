using Microsoft.Extensions.Hosting;
using Npgsql;

namespace StudyBot.Storage.Postgres;

/// <summary>
/// Migrates the database when the host starts, before the chat adapters and the schedule use it, so
/// an unreachable server or a refused login stops the bot at start with one line that names the
/// setting. Npgsql's messages name the host and the user, never the password.
/// </summary>
internal sealed class PostgresStartup(PostgresDatabase database) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await database.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new InvalidOperationException(PostgresStorageSetup.Unusable(database.DataSource.ConnectionString, e), e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
