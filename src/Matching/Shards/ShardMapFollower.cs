using Dating.Matching.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dating.Matching.Shards;

/// <summary>
/// Polls the shard map every <see cref="ShardMapOptions.PollInterval"/>: moves to a new version and records this replica's
/// heartbeat with the version it now uses, which a resharding waits for. Polling, not LISTEN/NOTIFY: a missed notification
/// would need the poll anyway, and one indexed read a second per replica is nothing.
/// </summary>
internal sealed class ShardMapFollower(
    IServiceScopeFactory scopes, SwipeShards shards, IOptions<ShardMapOptions> options, TimeProvider time, ILogger<ShardMapFollower> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await FollowAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be down for a while; the next tick tries again, and meanwhile no heartbeat is recorded.
                logger.LogWarning(exception, "Could not follow the shard map.");
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // A replica that leaves says so, so that a resharding does not wait for its heartbeat to go stale.
            await using var scope = scopes.CreateAsyncScope();
            await ReplicaAcks.ForgetAsync(scope.ServiceProvider.GetRequiredService<MatchingDbContext>(), shards.ReplicaId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not remove this replica's shard map heartbeat; it goes stale by itself.");
        }
    }

    private async Task FollowAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
        if (!shards.Ready)
        {
            return;
        }

        var latest = await ShardMapStore.LatestAsync(db, ct);
        if (latest is not null && latest.Version > shards.Map.Version)
        {
            shards.Use(latest);
            logger.LogInformation("Shard map version {Version} ({State}): shards {Shards}.", latest.Version, latest.State, latest.Shards);
        }

        await ReplicaAcks.RecordAsync(db, shards.ReplicaId, shards.Map.Version, ct);
    }
}
