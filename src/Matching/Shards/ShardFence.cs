using Dating.Matching.Data;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Shards;

/// <summary>
/// The barrier between swipe writes and shard map changes, in the module database (hand-written: two advisory locks, no library does this).
/// Every transaction that writes or deletes swipes holds <see cref="MapLock"/> shared and then reads the latest map version,
/// moving to it if this replica is behind; a new map version commits holding it exclusively. So a write in flight when a
/// version is written finishes before that version exists, and every write that starts later uses it: no write ever
/// follows a map older than the latest. Deletions also hold <see cref="CopyLock"/> shared, so a batch of the resharding
/// copy (which holds it exclusively) never reads a row that a deletion then removes, and writes it back.
/// </summary>
internal static class ShardFence
{
    public const string MapLock = "matching.shard_maps";
    public const string CopyLock = "matching.shard_maps.copy";

    /// <summary>In <paramref name="db"/>'s open transaction: waits out a map change, then brings <paramref name="shards"/> to the latest version.</summary>
    public static async Task<ShardPlacement> EnterAsync(MatchingDbContext db, SwipeShards shards, CancellationToken ct, bool alsoCopyLock = false)
    {
        // Two statements: the version is read with a snapshot taken after the lock was granted.
        if (alsoCopyLock)
        {
            await db.Database.ExecuteSqlAsync(
                $"SELECT pg_advisory_xact_lock_shared(hashtextextended({MapLock}, 0)), pg_advisory_xact_lock_shared(hashtextextended({CopyLock}, 0))", ct);
        }
        else
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared(hashtextextended({MapLock}, 0))", ct);
        }

        var latest = await db.Database
            .SqlQuery<int>($"SELECT coalesce(max(version), 0) AS \"Value\" FROM matching.shard_maps")
            .SingleAsync(ct);
        if (latest > shards.Map.Version)
        {
            shards.Use(await db.ShardMaps.AsNoTracking().SingleAsync(m => m.Version == latest, ct));
        }

        return shards.Placement;
    }
}
