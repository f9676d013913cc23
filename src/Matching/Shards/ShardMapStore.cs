using Dating.BuildingBlocks.Hashing;
using Dating.Matching.Data;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Shards;

/// <summary>The durable shard map in the module's database: the latest version wins; the first replica ever to start writes version 1.</summary>
internal static class ShardMapStore
{
    public static async Task<ShardMap> LoadOrCreateAsync(MatchingDbContext db, IEnumerable<string> configuredShards, TimeProvider time, CancellationToken ct)
    {
        var latest = await LatestAsync(db, ct);
        if (latest is not null)
        {
            return latest;
        }

        // Replicas starting together race here; ON CONFLICT keeps the first one's map and all of them read it back.
        string[] shards = [.. configuredShards.Order(StringComparer.Ordinal)];
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO matching.shard_maps (version, shards, virtual_nodes, created_at)
            VALUES (1, {shards}, {ConsistentHashRing.DefaultVirtualNodes}, {time.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """,
            ct);
        return await LatestAsync(db, ct) ?? throw new InvalidOperationException("The shard map vanished right after it was written.");
    }

    private static Task<ShardMap?> LatestAsync(MatchingDbContext db, CancellationToken ct) =>
        db.ShardMaps.AsNoTracking().OrderByDescending(m => m.Version).FirstOrDefaultAsync(ct);
}
