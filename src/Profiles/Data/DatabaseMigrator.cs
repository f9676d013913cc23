using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dating.Profiles.Data;

/// <summary>
/// Applies migrations before the host serves. Replicas starting together serialize on a PostgreSQL
/// advisory lock; the ones that wait find nothing left to do.
/// </summary>
internal sealed class DatabaseMigrator(
    IServiceScopeFactory scopes,
    MigrationState state,
    TimeProvider time,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    // Any fixed 64-bit number; all replicas of this module must agree on it.
    internal const long LockKey = 0x5052_4F46_494C_4553; // "PROFILES"
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
            catch (Exception exception) when (IsTransient(exception) && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "The profiles database is not reachable yet (attempt {Attempt}); retrying.", attempt);
                await Task.Delay(RetryDelay, time, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // EF wraps a transient NpgsqlException in an InvalidOperationException when it does not retry itself.
    private static bool IsTransient(Exception? exception) => exception switch
    {
        NpgsqlException { IsTransient: true } => true,
        InvalidOperationException => IsTransient(exception.InnerException),
        _ => false,
    };

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProfilesDbContext>();

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

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", LockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
