using Dating.BuildingBlocks.Messaging;
using Dating.Contracts.Matching;
using Dating.Matching.Data;
using Dating.Matching.Matches;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Swipes;

/// <summary>
/// Records a swipe and, when it completes a mutual like, the one match of the pair. Under the pair lock the
/// second of two simultaneous likes sees the first; the unique pair index and ON CONFLICT DO NOTHING make
/// the match insert-or-get, and MatchCreated joins the outbox only with the row that was really inserted.
/// </summary>
internal sealed class Matchmaker(MatchingDbContext db, TimeProvider time)
{
    /// <returns>null when the target is unknown, deleted or blocked either way.</returns>
    public Task<SwipeResponse?> SwipeAsync(Guid swiperId, Guid targetId, SwipeDecision decision, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await PairLock.AcquireAsync(db, swiperId, targetId, ct);

            // FOR SHARE holds both cards until commit: an account deletion waits, then sees (and ends) any match made here.
            var cards = await db.Database
                .SqlQuery<Guid>($"SELECT user_id AS \"Value\" FROM matching.candidates WHERE user_id IN ({swiperId}, {targetId}) FOR SHARE")
                .ToListAsync(ct);
            var blocked = await db.Blocks.AnyAsync(
                b => (b.BlockerId == swiperId && b.BlockedId == targetId) || (b.BlockerId == targetId && b.BlockedId == swiperId), ct);
            if (!cards.Contains(targetId) || blocked)
            {
                return null;
            }

            var now = time.GetUtcNow();
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO matching.swipes (swiper_id, target_id, decision, swiped_at)
                VALUES ({swiperId}, {targetId}, {(int)decision}, {now})
                ON CONFLICT DO NOTHING
                """,
                ct);

            // The first decision is final: a repeated swipe gets the same answer.
            var liked = await db.Swipes.AnyAsync(s => s.SwiperId == swiperId && s.TargetId == targetId && s.Decision == SwipeDecision.Like, ct);
            var likedBack = liked && await db.Swipes.AnyAsync(
                s => s.SwiperId == targetId && s.TargetId == swiperId && s.Decision == SwipeDecision.Like, ct);
            if (!likedBack)
            {
                await transaction.CommitAsync(ct);
                return new SwipeResponse(false, null);
            }

            var inserted = await db.Database
                .SqlQuery<Guid>(
                    $"""
                    INSERT INTO matching.matches (id, user_a, user_b, created_at)
                    VALUES ({Guid.CreateVersion7()}, least({swiperId}, {targetId}), greatest({swiperId}, {targetId}), {now})
                    ON CONFLICT (user_a, user_b) DO NOTHING
                    RETURNING id AS "Value"
                    """)
                .ToListAsync(ct);
            var match = await db.Matches.SingleAsync(
                m => (m.UserA == swiperId && m.UserB == targetId) || (m.UserA == targetId && m.UserB == swiperId), ct);
            if (inserted.Count == 1)
            {
                db.AddIntegrationEvent(new MatchCreated(match.Id, match.UserA, match.UserB, match.CreatedAt));
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return match.EndedAt is null ? new SwipeResponse(true, match.Id) : new SwipeResponse(false, null);
        });
}
