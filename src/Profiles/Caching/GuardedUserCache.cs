using System.Text.Json;
using StackExchange.Redis;

namespace Dating.Profiles.Caching;

/// <summary>
/// Cache-aside in Redis for one value per user, loaded from the database. Writers invalidate after they commit. A read
/// that missed stores what it loaded only if no invalidation came in between: otherwise a read that loaded just before
/// a commit could store the old value after the writer dropped it, and serve it until the time to live. A null load
/// (nothing there) is not stored; a time to live of zero or less turns the cache off (every read loads).
/// </summary>
internal sealed class GuardedUserCache<T>(IConnectionMultiplexer redis, Func<Guid, RedisKey> key, Func<Guid, RedisKey> generationKey, Func<TimeSpan> timeToLive)
    where T : class
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Far longer than any load takes, so a generation never expires and restarts under a read in flight.
    private static readonly TimeSpan GenerationLifetime = TimeSpan.FromHours(1);

    // KEYS: value, generation. ARGV: the generation the reader saw ('' for none), value, TTL in ms.
    private const string StoreIfUnchanged =
        """
        local seen = redis.call('GET', KEYS[2]) or ''
        if seen ~= ARGV[1] then return 0 end
        redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
        return 1
        """;

    // KEYS: value, generation. ARGV: generation lifetime in ms.
    private const string Invalidate =
        """
        redis.call('INCR', KEYS[2])
        redis.call('PEXPIRE', KEYS[2], ARGV[1])
        return redis.call('DEL', KEYS[1])
        """;

    public bool Enabled => timeToLive() > TimeSpan.Zero;

    public async Task<T?> GetOrLoadAsync(Guid userId, Func<CancellationToken, Task<T?>> load, CancellationToken ct)
    {
        var ttl = timeToLive();
        if (ttl <= TimeSpan.Zero)
        {
            return await load(ct);
        }

        var database = redis.GetDatabase();
        RedisKey[] keys = [key(userId), generationKey(userId)];
        var read = await database.StringGetAsync(keys);
        if (read[0].HasValue)
        {
            return JsonSerializer.Deserialize<T>((string)read[0]!, Json);
        }

        var value = await load(ct);
        if (value is not null)
        {
            await database.ScriptEvaluateAsync(
                StoreIfUnchanged, keys, [read[1].HasValue ? read[1] : "", JsonSerializer.Serialize(value, Json), (long)ttl.TotalMilliseconds]);
        }

        return value;
    }

    public async Task InvalidateAsync(Guid userId) =>
        await redis.GetDatabase().ScriptEvaluateAsync(
            Invalidate, [key(userId), generationKey(userId)], [(long)GenerationLifetime.TotalMilliseconds]);
}
