using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dating.Profiles.ProfileManagement;

/// <summary>
/// Cache-aside for public profiles in Redis. Writers invalidate after they commit. A read that missed stores
/// what it loaded only if no invalidation came in between: otherwise a read that loaded just before a commit
/// could store the old profile after the writer dropped it, and serve it until the TTL.
/// </summary>
internal sealed class PublicProfileCache(IConnectionMultiplexer redis, IOptions<PublicProfileCacheOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Far longer than any load takes, so a generation never expires and restarts under a read in flight.
    private static readonly TimeSpan GenerationLifetime = TimeSpan.FromHours(1);

    // KEYS: snapshot, generation. ARGV: the generation the reader saw ('' for none), snapshot, TTL in ms.
    private const string StoreIfUnchanged =
        """
        local seen = redis.call('GET', KEYS[2]) or ''
        if seen ~= ARGV[1] then return 0 end
        redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
        return 1
        """;

    // KEYS: snapshot, generation. ARGV: generation lifetime in ms.
    private const string Invalidate =
        """
        redis.call('INCR', KEYS[2])
        redis.call('PEXPIRE', KEYS[2], ARGV[1])
        return redis.call('DEL', KEYS[1])
        """;

    public async Task<PublicProfileSnapshot?> GetOrLoadAsync(
        Guid userId,
        Func<CancellationToken, Task<PublicProfileSnapshot?>> load,
        CancellationToken ct)
    {
        var database = redis.GetDatabase();
        RedisKey[] keys = [Key(userId), GenerationKey(userId)];
        var read = await database.StringGetAsync(keys);
        if (read[0].HasValue)
        {
            return JsonSerializer.Deserialize<PublicProfileSnapshot>((string)read[0]!, Json);
        }

        var snapshot = await load(ct);
        if (snapshot is not null)
        {
            var ttl = (long)options.Value.TimeToLive.TotalMilliseconds;
            await database.ScriptEvaluateAsync(
                StoreIfUnchanged, keys, [read[1].HasValue ? read[1] : "", JsonSerializer.Serialize(snapshot, Json), ttl]);
        }

        return snapshot;
    }

    public async Task InvalidateAsync(Guid userId) =>
        await redis.GetDatabase().ScriptEvaluateAsync(
            Invalidate, [Key(userId), GenerationKey(userId)], [(long)GenerationLifetime.TotalMilliseconds]);

    // v2: the snapshot gained its photo ids.
    private static RedisKey Key(Guid userId) => $"profiles:public:v2:{userId}";

    private static RedisKey GenerationKey(Guid userId) => $"profiles:public:generation:{userId}";
}
