using Dating.Matching.Data;
using Dating.Matching.Matches;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Dating.Matching.Shards;

/// <summary>
/// Matches from before they lived on the shards: the migration <c>MatchesOnShards</c> renamed the module database's
/// <c>matching.matches</c> to <see cref="Table"/>; a replica's start copies each row to the shard the map names for its
/// user_a and drops the table. Replicas starting together take turns (an advisory lock); a copy cut off half way is
/// resumed by the next start (a row already on its shard is skipped). Their events went out when they were made.
/// </summary>
internal static class LegacyMatches
{
    public const string Table = "matches_to_shard";

    public static async Task MoveAsync(MatchingDbContext db, ShardPlacement placement, ILogger logger, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"matching." + Table}, 0))", ct);
        var exists = await db.Database
            .SqlQuery<bool>($"SELECT to_regclass({"matching." + Table}) IS NOT NULL AS \"Value\"")
            .SingleAsync(ct);
        if (!exists)
        {
            return;
        }

        // The shard model maps the same columns: read the old rows through it, on this connection and transaction.
        await using var legacy = new SwipeShardDbContext(SwipeShardOptions.For(db.Database.GetDbConnection()));
        await legacy.Database.UseTransactionAsync(transaction.GetDbTransaction(), ct);
        var rows = await legacy.Matches.FromSqlRaw($"SELECT * FROM matching.{Table}").AsNoTracking().ToListAsync(ct);

        foreach (var shard in rows.GroupBy(m => placement.WriteShardsOf(m.UserA).Write))
        {
            await using var shardDb = placement.Open(shard.Key);
            foreach (var batch in shard.Chunk(1000))
            {
                await MatchStore.CopyMissingAsync(shardDb, batch, ct);
            }
        }

        await db.Database.ExecuteSqlRawAsync($"DROP TABLE matching.{Table}", ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Moved {Count} matches from the module database to their shards.", rows.Count);
    }
}
