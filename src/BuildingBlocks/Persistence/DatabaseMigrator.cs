using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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

    private readonly long _lockKey = MigrationLock.KeyFor(state.Schema);

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
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();

        // A separate, unpooled connection holds the session-level lock while EF migrates on its own;
        // if this process dies, PostgreSQL drops the connection and the lock with it.
        var lockConnectionString = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        await using var lockConnection = new NpgsqlConnection(lockConnectionString.ConnectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await ExecuteAsync(lockConnection, "SELECT pg_advisory_lock(@key)", cancellationToken);
        try
        {
            // Creating the history table first spares a fresh database EF's spurious "relation does not exist" error log.
            await db.Database.ExecuteSqlRawAsync(
                db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await ReleaseAsync(lockConnection);
        }
    }

    private async Task ReleaseAsync(NpgsqlConnection lockConnection)
    {
        try
        {
            await ExecuteAsync(lockConnection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
        }
        catch (NpgsqlException exception)
        {
            // Closing the connection releases the lock anyway.
            logger.LogWarning(exception, "Could not release the migration lock explicitly.");
        }
    }

    private async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", _lockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

}
