using Dating.Contracts.Matching;
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

        var rows = new List<Match>();
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = $"SELECT id, user_a, user_b, created_at, ended_at, end_reason FROM matching.{Table}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new Match
                {
                    Id = reader.GetGuid(0),
                    UserA = reader.GetGuid(1),
                    UserB = reader.GetGuid(2),
                    CreatedAt = reader.GetFieldValue<DateTimeOffset>(3),
                    EndedAt = reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                    EndReason = reader.IsDBNull(5) ? null : Enum.Parse<MatchEndReason>(reader.GetString(5)),
                });
            }
        }

        foreach (var shard in rows.GroupBy(m => placement.WriteShardsOf(m.UserA).Write))
        {
            await using var shardDb = placement.Open(shard.Key);
            foreach (var batch in shard.Chunk(1000))
            {
                var ids = batch.Select(m => m.Id).ToList();
                var there = await shardDb.Matches.Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct);
                shardDb.Matches.AddRange(batch.Where(m => !there.Contains(m.Id)));
                await shardDb.SaveChangesAsync(ct);
                shardDb.ChangeTracker.Clear();
            }
        }

        await db.Database.ExecuteSqlRawAsync($"DROP TABLE matching.{Table}", ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Moved {Count} matches from the module database to their shards.", rows.Count);
    }
}
