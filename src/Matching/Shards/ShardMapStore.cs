using Dating.BuildingBlocks.Hashing;
using Dating.Matching.Data;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Shards;

/// <summary>The durable shard map in the module's database: the latest version wins; the first replica ever to start writes version 1.</summary>
internal static class ShardMapStore
{
    public static async Task<ShardMap> LoadOrCreateAsync(MatchingDbContext db, IEnumerable<string> firstShards, TimeProvider time, CancellationToken ct)
    {
        var latest = await LatestAsync(db, ct);
        if (latest is not null)
        {
            return latest;
        }

        // Replicas starting together race here; ON CONFLICT keeps the first one's map and all of them read it back.
        string[] shards = [.. firstShards.Order(StringComparer.Ordinal)];
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO matching.shard_maps (version, shards, virtual_nodes, created_at, state)
            VALUES (1, {shards}, {ConsistentHashRing.DefaultVirtualNodes}, {time.GetUtcNow()}, {nameof(ShardMapState.Active)})
            ON CONFLICT DO NOTHING
            """,
            ct);
        return await LatestAsync(db, ct) ?? throw new InvalidOperationException("The shard map vanished right after it was written.");
    }

    public static Task<ShardMap?> LatestAsync(MatchingDbContext db, CancellationToken ct) =>
        db.ShardMaps.AsNoTracking().OrderByDescending(m => m.Version).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Writes the version after <paramref name="current"/>, holding the map lock exclusively (<see cref="ShardFence"/>):
    /// it waits for every swipe write in flight, and those after it see the new version.
    /// </summary>
    /// <returns>The new version; fails if another resharding wrote a version meanwhile.</returns>
    public static async Task<ShardMap> WriteNextAsync(
        MatchingDbContext db, ShardMap current, string[] shards, ShardMapState state, string[]? previousShards, TimeProvider time, CancellationToken ct)
    {
        var next = new ShardMap
        {
            Version = current.Version + 1,
            Shards = [.. shards.Order(StringComparer.Ordinal)],
            VirtualNodes = current.VirtualNodes,
            CreatedAt = time.GetUtcNow(),
            State = state,
            PreviousShards = previousShards is null ? null : [.. previousShards.Order(StringComparer.Ordinal)],
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({ShardFence.MapLock}, 0))", ct);
        db.ShardMaps.Add(next);
        await db.SaveChangesAsync(ct); // the primary key refuses a second writer of the same version
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return next;
    }
}
