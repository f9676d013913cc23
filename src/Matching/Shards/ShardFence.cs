using Dating.Matching.Data;
using Dating.Matching.Matches;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

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

    /// <summary>
    /// In <paramref name="db"/>'s open transaction: waits out a map change (and takes the <paramref name="pair"/>'s
    /// <see cref="PairLock"/> after it, when given), then brings <paramref name="shards"/> to the latest version.
    /// </summary>
    public static async Task<ShardPlacement> EnterAsync(
        MatchingDbContext db, SwipeShards shards, CancellationToken ct, bool alsoCopyLock = false, (Guid One, Guid Other)? pair = null)
    {
        // Separate statements, sent in one round trip (Npgsql's batch): each statement of a READ COMMITTED transaction takes
        // its own snapshot, so the version is read with a snapshot taken after the locks were granted.
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection)
        {
            Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()
                ?? throw new InvalidOperationException("The shard fence is entered in an open transaction."),
        };
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))") { Parameters = { new() { Value = MapLock } } });
        if (alsoCopyLock)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))") { Parameters = { new() { Value = CopyLock } } });
        }

        if (pair is var (one, other))
        {
            batch.BatchCommands.Add(PairLock.Command(one, other));
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT coalesce(max(version), 0) FROM matching.shard_maps"));

        int latest;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            for (var skipped = 1; skipped < batch.BatchCommands.Count; skipped++)
            {
                await reader.NextResultAsync(ct);
            }

            await reader.ReadAsync(ct);
            latest = reader.GetInt32(0);
        }

        if (latest > shards.Map.Version)
        {
            shards.Use(await db.ShardMaps.AsNoTracking().SingleAsync(m => m.Version == latest, ct));
        }

        return shards.Placement;
    }
}
