using Dating.BuildingBlocks.Messaging;
using Dating.BuildingBlocks.Persistence;
using Dating.Contracts.Matching;
using Dating.Matching.Data;
using Dating.Matching.Matches;
using Dating.Matching.Recommendations;
using Dating.Matching.Shards;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Blocks;

/// <summary>
/// A block hides both users from each other (every query checks blocks both ways) and ends their match.
/// It takes the same pair lock as a swipe, so no match can be created beside it.
/// </summary>
internal sealed class Blocker(MatchingDbContext db, MatchStore matches, SwipeShards shards, StandbyReads<MatchingDbContext> reads, TimeProvider time)
{
    /// <returns>false when the user to block is unknown.</returns>
    public async Task<bool> BlockAsync(Guid blockerId, Guid blockedId, CancellationToken ct)
    {
        if (!await StoreAsync(blockerId, blockedId, ct))
        {
            return false;
        }

        // Neither sees the other in recommendations from now on, also when they are scanned on a standby.
        await reads.WroteAsync([CandidateFinder.ReaderKey(blockerId), CandidateFinder.ReaderKey(blockedId)], ct);
        return true;
    }

    private Task<bool> StoreAsync(Guid blockerId, Guid blockedId, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await ShardFence.EnterAsync(db, shards, ct, alsoCopyLock: true, pair: (blockerId, blockedId));

            var known = await db.Candidates.AnyAsync(c => c.UserId == blockedId, ct)
                || await db.Blocks.AnyAsync(b => b.BlockerId == blockerId && b.BlockedId == blockedId, ct);
            if (!known)
            {
                return false;
            }

            var now = time.GetUtcNow();
            var inserted = await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO matching.blocks (blocker_id, blocked_id, blocked_at)
                VALUES ({blockerId}, {blockedId}, {now})
                ON CONFLICT DO NOTHING
                """,
                ct);
            if (inserted == 1)
            {
                db.AddIntegrationEvent(new UserBlocked(blockerId, blockedId, now));
            }

            // The match's end commits on its shard (with its MatchEnded) before the block does here: a failure between
            // leaves the match ended, and the retry stores the block.
            await matches.EndAsync(blockerId, blockedId, MatchEndReason.Blocked, now, ct);

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        });
}
