using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dating.Matching.Queues;

/// <summary>
/// The batch: every <see cref="RecommendationQueueOptions.RefreshInterval"/>, recompute the queue of each active user.
/// A Redis lock (renewed as it goes) lets only one replica run a batch at a time.
/// </summary>
internal sealed class QueueRefreshJob(
    IServiceScopeFactory scopes,
    IConnectionMultiplexer redis,
    RecommendationQueue queue,
    IOptions<RecommendationQueueOptions> options,
    TimeProvider time,
    ILogger<QueueRefreshJob> logger) : BackgroundService
{
    private const string LockKey = "matching:queues:batch-lock";
    private readonly string _lockToken = Guid.NewGuid().ToString("N");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunBatchAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "The recommendation queue batch failed; the next tick tries again.");
            }
        }
    }

    /// <returns>How many queues were refreshed, or null when another replica holds the lock.</returns>
    internal async Task<int?> RunBatchAsync(CancellationToken ct)
    {
        var redisDb = redis.GetDatabase();
        var lockDuration = options.Value.LockDuration;
        if (!await redisDb.LockTakeAsync(LockKey, _lockToken, lockDuration))
        {
            return null;
        }

        try
        {
            var started = time.GetTimestamp();
            var users = await queue.ActiveUsersAsync();
            var renewAt = time.GetUtcNow() + lockDuration / 3;
            var refreshed = 0;
            foreach (var userId in users)
            {
                ct.ThrowIfCancellationRequested();
                if (time.GetUtcNow() >= renewAt)
                {
                    if (!await redisDb.LockExtendAsync(LockKey, _lockToken, lockDuration))
                    {
                        logger.LogWarning(
                            "Lost the recommendation batch lock after {Count} of {Total} queues in {Elapsed}; stopping.",
                            refreshed, users.Count, time.GetElapsedTime(started));
                        return refreshed;
                    }

                    renewAt = time.GetUtcNow() + lockDuration / 3;
                }

                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<QueueFiller>().FillAsync(userId, ct);
                refreshed++;
            }

            logger.LogInformation("Refreshed {Count} recommendation queues in {Elapsed}.", refreshed, time.GetElapsedTime(started));
            return refreshed;
        }
        finally
        {
            await redisDb.LockReleaseAsync(LockKey, _lockToken);
        }
    }
}
