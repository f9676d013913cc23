using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dating.BuildingBlocks.Persistence;

/// <summary>
/// Brings one database's schema up to date under a PostgreSQL advisory lock, so processes starting together
/// migrate one after the other and the ones that wait find nothing left to do. Used for a module's database and,
/// the same way, for each of its shards.
/// </summary>
public static class SchemaMigrations
{
    public static async Task ApplyAsync(DbContext db, string schema, ILogger logger, CancellationToken cancellationToken)
    {
        var lockKey = MigrationLock.KeyFor(schema);

        // A separate, unpooled connection holds the session-level lock while EF migrates on its own;
        // if this process dies, PostgreSQL drops the connection and the lock with it.
        var lockConnectionString = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        await using var lockConnection = new NpgsqlConnection(lockConnectionString.ConnectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await ExecuteAsync(lockConnection, "SELECT pg_advisory_lock(@key)", lockKey, cancellationToken);
        try
        {
            // Creating the history table first spares a fresh database EF's spurious "relation does not exist" error log.
            await db.Database.ExecuteSqlRawAsync(
                db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await ReleaseAsync(lockConnection, lockKey, logger);
        }
    }

    private static async Task ReleaseAsync(NpgsqlConnection lockConnection, long lockKey, ILogger logger)
    {
        try
        {
            await ExecuteAsync(lockConnection, "SELECT pg_advisory_unlock(@key)", lockKey, CancellationToken.None);
        }
        catch (NpgsqlException exception)
        {
            // Closing the connection releases the lock anyway.
            logger.LogWarning(exception, "Could not release the migration lock explicitly.");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, long lockKey, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", lockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
