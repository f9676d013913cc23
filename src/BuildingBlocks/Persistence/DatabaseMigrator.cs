using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dating.BuildingBlocks.Persistence;

/// <summary>
/// Applies migrations before the host serves. Replicas starting together serialize on a PostgreSQL
/// advisory lock; the ones that wait find nothing left to do.
/// </summary>
internal sealed class DatabaseMigrator<TDbContext>(
    IServiceScopeFactory scopes,
    MigrationState<TDbContext> state,
    TimeProvider time,
    ILogger<DatabaseMigrator<TDbContext>> logger) : IHostedService
    where TDbContext : DbContext
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await MigrateAsync(cancellationToken);
                state.MarkCompleted();
                return;
            }
            catch (NpgsqlException exception) when (exception.IsTransient && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "The {Schema} database is not reachable yet (attempt {Attempt}); retrying.", state.Schema, attempt);
                await Task.Delay(RetryDelay, time, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await SchemaMigrations.ApplyAsync(scope.ServiceProvider.GetRequiredService<TDbContext>(), state.Schema, logger, cancellationToken);
    }
}
