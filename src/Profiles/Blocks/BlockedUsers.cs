using Dating.Profiles.Caching;
using Dating.Profiles.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dating.Profiles.Blocks;

/// <summary>
/// Whether two users blocked each other, for every public profile read: the reader's list of users they have a block
/// with (either way) is cached in Redis, so a read costs one Redis round trip instead of a PostgreSQL query. The
/// UserBlocked consumer invalidates both users' lists after its commit. An account deletion leaves the deleted id in
/// other users' lists: harmless, as that profile is gone.
/// </summary>
internal sealed class BlockedUsers(ProfilesDbContext db, IConnectionMultiplexer redis, IOptions<BlockCacheOptions> options)
{
    private readonly GuardedUserCache<Guid[]> _cache = new(
        redis, userId => $"profiles:blocks:v1:{userId}", userId => $"profiles:blocks:generation:{userId}", () => options.Value.TimeToLive);

    public async Task<bool> AnyBetweenAsync(Guid userId, Guid otherUserId, CancellationToken ct)
    {
        if (!_cache.Enabled)
        {
            return await db.Blocks.AnyBetweenAsync(userId, otherUserId, ct);
        }

        var others = await _cache.GetOrLoadAsync(userId, async token => await db.Blocks.AsNoTracking().Involving(userId)
            .Select(b => b.BlockerId == userId ? b.BlockedId : b.BlockerId)
            .Distinct()
            .ToArrayAsync(token), ct);
        return others is not null && others.Contains(otherUserId);
    }

    /// <summary>After a commit that added or removed a block between the two.</summary>
    public async Task ChangedAsync(Guid userId, Guid otherUserId)
    {
        await _cache.InvalidateAsync(userId);
        await _cache.InvalidateAsync(otherUserId);
    }
}
