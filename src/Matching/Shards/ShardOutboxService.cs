using Dating.BuildingBlocks.Messaging;
using Dating.Matching.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dating.Matching.Shards;

/// <summary>
/// Publishes the match events from every shard's outbox: right after a commit that wrote one (the signal), and every
/// sweep interval for leftovers (a broker outage, a crash, another replica that died mid-batch). Every shard of the
/// map is swept, a leaving one too until the resharding that removes it is clean (it waits for that outbox to empty).
/// The module's own outbox has <c>AddModuleMessaging</c>'s service; this one exists because the shards are not one
/// context type from dependency injection but one context per server of the current map. The batch itself is the
/// shared <see cref="OutboxDispatcher"/>'s.
/// </summary>
internal sealed class ShardOutboxService(
    SwipeShards shards,
    OutboxDispatcher dispatcher,
    OutboxSignal<SwipeShardDbContext> signal,
    IOptions<MessagingOptions> options,
    TimeProvider time,
    ILogger<ShardOutboxService> logger) : BackgroundService
{
    private static readonly TimeSpan RetentionPeriod = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up host start-up
        var nextRetention = time.GetUtcNow() + RetentionPeriod;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (shards.Ready)
                {
                    var retention = time.GetUtcNow() >= nextRetention;
                    await SweepAsync(shards.Placement, retention, stoppingToken);
                    if (retention)
                    {
                        nextRetention = time.GetUtcNow() + RetentionPeriod;
                    }
                }

                await signal.WaitAsync(options.Value.SweepInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever is left is published by the next start or another replica.
        }
    }

    private async Task SweepAsync(ShardPlacement placement, bool retention, CancellationToken ct)
    {
        foreach (var shard in placement.Map.AllShards)
        {
            try
            {
                bool more;
                do
                {
                    await using var db = placement.Open(shard);
                    more = await dispatcher.DispatchBatchAsync(db, ct);
                }
                while (more);

                if (retention)
                {
                    await using var db = placement.Open(shard);
                    await dispatcher.DeleteExpiredAsync(db, ct);
                }
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // One shard down holds up only its own events; the next sweep tries it again.
                logger.LogWarning(e, "The outbox of shard {Shard} could not be dispatched; retrying in {Interval}", shard, options.Value.SweepInterval);
            }
        }
    }
}
