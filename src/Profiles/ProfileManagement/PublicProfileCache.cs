using Dating.Profiles.Caching;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dating.Profiles.ProfileManagement;

/// <summary>Public profiles cached in Redis (<see cref="GuardedUserCache{T}"/>): writers invalidate after they commit.</summary>
internal sealed class PublicProfileCache(IConnectionMultiplexer redis, IOptions<PublicProfileCacheOptions> options)
{
    // v2: the snapshot gained its photo ids.
    private readonly GuardedUserCache<PublicProfileSnapshot> _cache = new(
        redis, userId => $"profiles:public:v2:{userId}", userId => $"profiles:public:generation:{userId}", () => options.Value.TimeToLive);

    public Task<PublicProfileSnapshot?> GetOrLoadAsync(Guid userId, Func<CancellationToken, Task<PublicProfileSnapshot?>> load, CancellationToken ct) =>
        _cache.GetOrLoadAsync(userId, load, ct);

    public Task InvalidateAsync(Guid userId) => _cache.InvalidateAsync(userId);
}
