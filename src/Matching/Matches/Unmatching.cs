using Dating.Contracts.Matching;
using Dating.Matching.Data;
using Dating.Matching.Shards;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Matches;

/// <summary>
/// Ends a match at either party's request. The match is found by id on every shard, then ended under the pair lock (and
/// the shard fence with its copy lock, so no resharding copy interleaves): a second unmatch of the same match waits, then
/// finds it ended, so MatchEnded is raised once, in the same commit as the change on the match's shard.
/// </summary>
internal sealed class Unmatching(MatchingDbContext db, MatchStore matches, SwipeShards shards, TimeProvider time)
{
    /// <returns>false when there is no active match with that id involving the user.</returns>
    public async Task<bool> UnmatchAsync(Guid userId, Guid matchId, CancellationToken ct)
    {
        var found = await matches.FindAsync(matchId, ct);
        if (found is null || found.EndedAt is not null || !found.Involves(userId))
        {
            return false;
        }

        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await ShardFence.EnterAsync(db, shards, ct, alsoCopyLock: true, pair: (found.UserA, found.UserB));
            var ended = await matches.EndAsync(found.UserA, found.UserB, MatchEndReason.Unmatched, time.GetUtcNow(), ct);
            await transaction.CommitAsync(ct);
            return ended;
        });
    }
}
