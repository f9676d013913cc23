using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dating.Profiles.ProfileManagement;

/// <summary>Cache-aside for public profiles in Redis; writers invalidate after they commit, the TTL bounds any race.</summary>
internal sealed class PublicProfileCache(IConnectionMultiplexer redis, IOptions<PublicProfileCacheOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PublicProfileSnapshot?> GetOrLoadAsync(
        Guid userId,
        Func<CancellationToken, Task<PublicProfileSnapshot?>> load,
        CancellationToken ct)
    {
        var database = redis.GetDatabase();
        var cached = await database.StringGetAsync(Key(userId));
        if (cached.HasValue)
        {
            return JsonSerializer.Deserialize<PublicProfileSnapshot>((string)cached!, Json);
        }

        var snapshot = await load(ct);
        if (snapshot is not null)
        {
            await database.StringSetAsync(Key(userId), JsonSerializer.Serialize(snapshot, Json), options.Value.TimeToLive);
        }

        return snapshot;
    }

    public Task InvalidateAsync(Guid userId) => redis.GetDatabase().KeyDeleteAsync(Key(userId));

    // v2: the snapshot gained its photo ids.
    private static RedisKey Key(Guid userId) => $"profiles:public:v2:{userId}";
}
