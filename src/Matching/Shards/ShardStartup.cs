using Dating.BuildingBlocks.Persistence;
using Dating.Matching.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Dating.Matching.Shards;

/// <summary>
/// Before the host serves: reads (or first writes) the shard map, migrates every shard it names, then builds the ring.
/// Runs after the module database's migrator (hosted services start in order), which creates the map's table.
/// </summary>
internal sealed class ShardStartup(
    IServiceScopeFactory scopes,
    SwipeShards shards,
    IConfiguration configuration,
    IOptions<ShardMapOptions> options,
    TimeProvider time,
    ILogger<ShardStartup> logger) : IHostedService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartShardsAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException exception) when (exception.IsTransient && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "A swipe shard is not reachable yet (attempt {Attempt}); retrying.", attempt);
                await Task.Delay(RetryDelay, time, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task StartShardsAsync(CancellationToken ct)
    {
        var connectionStrings = ShardConnections.From(configuration, shards.ModuleConnectionName);
        var firstMap = options.Value.FirstMap is { Length: > 0 } first ? first : connectionStrings.Keys;
        await using var scope = scopes.CreateAsyncScope();
        var moduleDb = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
        var map = await ShardMapStore.LoadOrCreateAsync(moduleDb, firstMap, time, ct);

        var unused = connectionStrings.Keys.Except(map.AllShards).ToList();
        if (unused.Count > 0)
        {
            // The map, not configuration, decides placement: a configured server joins only through a resharding.
            logger.LogWarning("Shards {Shards} are configured but not in shard map version {Version}; they hold nothing.", unused, map.Version);
        }

        shards.Use(map, connectionStrings);
        foreach (var shard in map.AllShards)
        {
            await using var db = shards.Open(shard);
            await SchemaMigrations.ApplyAsync(db, SwipeShardDbContext.Schema, logger, ct);
        }

        await LegacyMatches.MoveAsync(moduleDb, shards.Placement, logger, ct);

        // Known to a resharding before serving: one that starts now waits for this replica's heartbeat too.
        await ReplicaAcks.RecordAsync(moduleDb, shards.ReplicaId, map.Version, ct);
        shards.MarkReady();
        logger.LogInformation("Swipes on {Count} shards ({Shards}), shard map version {Version}.", map.Shards.Length, map.Shards, map.Version);
    }
}
