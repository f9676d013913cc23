using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dating.Matching.Queues;

/// <summary>
/// The batch: every <see cref="RecommendationQueueOptions.RefreshInterval"/>, recompute the queue of each active user.
/// A Redis lock (renewed while it works) lets only one replica run a batch at a time; within it,
/// <see cref="RecommendationQueueOptions.BatchParallelism"/> queues are computed at once.
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
            using var batch = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var lockLost = false;
            var renewal = KeepLockAsync(redisDb, () => lockLost = true, batch);
            var refreshed = 0;
            try
            {
                // Each queue is a geographic search that mostly waits on PostgreSQL: a few at once keep both busy.
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.BatchParallelism, CancellationToken = batch.Token };
                await Parallel.ForEachAsync(users, parallel, async (userId, token) =>
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<QueueFiller>().FillAsync(userId, token);
                    Interlocked.Increment(ref refreshed);
                });
            }
            catch (OperationCanceledException) when (lockLost && !ct.IsCancellationRequested)
            {
                logger.LogWarning(
                    "Lost the recommendation batch lock after {Count} of {Total} queues in {Elapsed}; stopping.",
                    refreshed, users.Count, time.GetElapsedTime(started));
                return refreshed;
            }
            finally
            {
                await batch.CancelAsync();
                await renewal;
            }

            logger.LogInformation("Refreshed {Count} recommendation queues in {Elapsed}.", refreshed, time.GetElapsedTime(started));
            return refreshed;
        }
        finally
        {
            await redisDb.LockReleaseAsync(LockKey, _lockToken);
        }
    }

    // Renews the lock while the batch runs; if another replica has taken it, stops the batch.
    private async Task KeepLockAsync(IDatabase redisDb, Action onLost, CancellationTokenSource batch)
    {
        var lockDuration = options.Value.LockDuration;
        try
        {
            while (true)
            {
                await Task.Delay(lockDuration / 3, time, batch.Token);
                if (!await TryExtendAsync(redisDb, lockDuration))
                {
                    onLost();
                    await batch.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (batch.IsCancellationRequested)
        {
            // The batch is over.
        }
    }

    // A lock that cannot be renewed (Redis unreachable) may be taken by another replica: stop as if it were lost.
    private async Task<bool> TryExtendAsync(IDatabase redisDb, TimeSpan lockDuration)
    {
        try
        {
            return await redisDb.LockExtendAsync(LockKey, _lockToken, lockDuration);
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            logger.LogWarning(exception, "Could not renew the recommendation batch lock.");
            return false;
        }
    }
}
