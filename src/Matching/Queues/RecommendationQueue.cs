using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dating.Matching.Queues;

/// <summary>
/// A user's next candidates, best first, as a Redis list of user ids (<c>matching:queue:{userId}</c>),
/// and the sorted set of recently active users the batch job serves.
/// </summary>
internal sealed class RecommendationQueue(
    IConnectionMultiplexer redis,
    IOptions<RecommendationQueueOptions> options,
    TimeProvider time,
    ILogger<RecommendationQueue> logger)
{
    private const string ActiveUsersKey = "matching:active-users";

    public static RedisKey KeyOf(Guid userId) => $"matching:queue:{userId}";

    private IDatabase Redis => redis.GetDatabase();

    /// <summary>The first <paramref name="count"/> queued users and the queue's whole length, in one round trip.</summary>
    public async Task<QueueHead> PeekAsync(Guid userId, int count)
    {
        var batch = Redis.CreateBatch();
        var head = batch.ListRangeAsync(KeyOf(userId), 0, count - 1);
        var length = batch.ListLengthAsync(KeyOf(userId));
        batch.Execute();
        var values = await head;
        return new QueueHead(
            [.. values.Select(v => Guid.TryParse(v.ToString(), out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)],
            await length);
    }

    public async Task RemoveAsync(Guid userId, IEnumerable<Guid> candidates)
    {
        var batch = Redis.CreateBatch();
        var removals = candidates.Select(c => batch.ListRemoveAsync(KeyOf(userId), c.ToString())).ToList();
        batch.Execute();
        await Task.WhenAll(removals);
    }

    /// <summary>Swaps the whole queue atomically, so a reader sees the old queue or the new one, never a mix.</summary>
    public async Task ReplaceAsync(Guid userId, IReadOnlyList<Guid> candidates)
    {
        var key = KeyOf(userId);
        var transaction = Redis.CreateTransaction();
        _ = transaction.KeyDeleteAsync(key);
        if (candidates.Count > 0)
        {
            _ = transaction.ListRightPushAsync(key, [.. candidates.Select(c => (RedisValue)c.ToString())]);
            _ = transaction.KeyExpireAsync(key, options.Value.TimeToLive);
        }

        await transaction.ExecuteAsync();
    }

    private Task InvalidateAsync(Guid userId) => Redis.KeyDeleteAsync(KeyOf(userId));

    /// <summary>
    /// For event consumers: a Redis outage must not hold up the read model. A queue left behind is still safe,
    /// since every read re-checks queued users against the current cards, and it expires on its own.
    /// </summary>
    public async Task ForgetUserBestEffortAsync(Guid userId, bool alsoActivity)
    {
        try
        {
            await InvalidateAsync(userId);
            if (alsoActivity)
            {
                await Redis.SortedSetRemoveAsync(ActiveUsersKey, userId.ToString());
            }
        }
        catch (RedisException exception)
        {
            logger.LogWarning(exception, "Could not drop the recommendation queue of {UserId}; it expires on its own.", userId);
        }
    }

    public Task MarkActiveAsync(Guid userId) =>
        Redis.SortedSetAddAsync(ActiveUsersKey, userId.ToString(), time.GetUtcNow().ToUnixTimeSeconds(), CommandFlags.FireAndForget);

    /// <summary>Users active within the window; older entries are dropped on the way.</summary>
    public async Task<IReadOnlyList<Guid>> ActiveUsersAsync()
    {
        var since = time.GetUtcNow().Subtract(options.Value.ActiveWindow).ToUnixTimeSeconds();
        await Redis.SortedSetRemoveRangeByScoreAsync(ActiveUsersKey, double.NegativeInfinity, since, Exclude.Stop);
        var members = await Redis.SortedSetRangeByScoreAsync(ActiveUsersKey, since, double.PositiveInfinity);
        return [.. members.Select(m => Guid.TryParse(m.ToString(), out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)];
    }
}

/// <param name="Users">The first queued users, best first.</param>
/// <param name="Length">How many the queue held when they were read.</param>
internal sealed record QueueHead(IReadOnlyList<Guid> Users, long Length);
