using Dating.Contracts.Matching;
using Dating.Matching.Data;
using Dating.Matching.Matches;
using Dating.Matching.Shards;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Swipes;

/// <summary>
/// Records a swipe and, when it completes a mutual like, the one match of the pair. The swipe commits on the swiper's
/// shard before the like-back is looked for on the target's shard, so of two likes at the same moment at least the later
/// sees the earlier, even on different shards and replicas; the pair lock in the module database serialises them besides.
/// The match lives on a shard too (<see cref="MatchStore"/>): its unique pair index makes the insert insert-or-get, and
/// MatchCreated joins that shard's outbox only with the row that was really inserted, so a pair gets one match and one event.
/// </summary>
internal sealed class Matchmaker(MatchingDbContext db, SwipeStore swipes, MatchStore matches, SwipeShards shards, TimeProvider time)
{
    /// <returns>null when the target is unknown, deleted or blocked either way.</returns>
    public Task<SwipeResponse?> SwipeAsync(Guid swiperId, Guid targetId, SwipeDecision decision, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // No shard map change while this swipe runs, and the latest one is used: a resharding cannot overtake it.
            await ShardFence.EnterAsync(db, shards, ct, pair: (swiperId, targetId));

            // FOR SHARE holds both cards until commit: an account deletion waits, then sees (and ends) any match made here.
            // The blocks either way are read in the same statement: one round trip for both checks.
            var cards = await db.Database
                .SqlQuery<CardCheck>(
                    $"""
                    SELECT c.user_id, EXISTS (
                        SELECT 1 FROM matching.blocks b
                        WHERE (b.blocker_id = {swiperId} AND b.blocked_id = {targetId}) OR (b.blocker_id = {targetId} AND b.blocked_id = {swiperId})
                    ) AS blocked
                    FROM matching.candidates c WHERE c.user_id IN ({swiperId}, {targetId})
                    FOR SHARE OF c
                    """)
                .ToListAsync(ct);
            if (!cards.Any(c => c.UserId == targetId) || cards.Any(c => c.Blocked))
            {
                return null;
            }

            // On a shard server the swipe commits before this transaction does: a retry after a failure further on finds
            // it and finishes the work (the first decision is final), and an account deletion waiting on the cards sees it.
            // On the one shard in the module's database it commits with this transaction, which holds the pair lock.
            var now = time.GetUtcNow();
            var liked = await swipes.RecordAsync(swiperId, targetId, decision, now, ct);
            var likedBack = liked && await swipes.LikedAsync(targetId, swiperId, ct);
            if (!likedBack)
            {
                await transaction.CommitAsync(ct);
                return new SwipeResponse(false, null);
            }

            var match = await matches.CreateAsync(swiperId, targetId, now, ct);
            await transaction.CommitAsync(ct);
            return match.EndedAt is null ? new SwipeResponse(true, match.Id) : new SwipeResponse(false, null);
        });

    private sealed record CardCheck(Guid UserId, bool Blocked);
}
