using Dating.Matching.Data;
using Dating.Matching.Shards;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Swipes;

/// <summary>
/// Swipes on their shards, keyed by the swiper: each call is its own short transaction on one shard (so a swipe is
/// committed before anyone looks for it), but forgetting a user, which visits every shard.
/// </summary>
internal sealed class SwipeStore(SwipeShards shards)
{
    /// <summary>Stores the swipe on the swiper's shard unless one is there already: the first decision is final.</summary>
    /// <returns>Whether the swiper's (first) decision on the target is a like.</returns>
    public async Task<bool> RecordAsync(Guid swiperId, Guid targetId, SwipeDecision decision, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = shards.OpenFor(swiperId);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO matching_swipes.swipes (swiper_id, target_id, decision, swiped_at)
            VALUES ({swiperId}, {targetId}, {(int)decision}, {now})
            ON CONFLICT DO NOTHING
            """,
            ct);
        return await LikesAsync(db, swiperId, targetId, ct);
    }

    /// <summary>Whether <paramref name="swiperId"/> liked <paramref name="targetId"/>: one lookup on the swiper's shard.</summary>
    public async Task<bool> LikedAsync(Guid swiperId, Guid targetId, CancellationToken ct)
    {
        await using var db = shards.OpenFor(swiperId);
        return await LikesAsync(db, swiperId, targetId, ct);
    }

    private static Task<bool> LikesAsync(SwipeShardDbContext db, Guid swiperId, Guid targetId, CancellationToken ct) =>
        db.Swipes.AnyAsync(s => s.SwiperId == swiperId && s.TargetId == targetId && s.Decision == SwipeDecision.Like, ct);

    /// <summary>Everyone <paramref name="swiperId"/> has swiped, or those of <paramref name="among"/>: one range scan on one shard.</summary>
    public async Task<Guid[]> SwipedByAsync(Guid swiperId, IReadOnlyCollection<Guid>? among, CancellationToken ct)
    {
        await using var db = shards.OpenFor(swiperId);
        var mine = db.Swipes.AsNoTracking().Where(s => s.SwiperId == swiperId);
        if (among is not null)
        {
            mine = mine.Where(s => among.Contains(s.TargetId));
        }

        return await mine.Select(s => s.TargetId).ToArrayAsync(ct);
    }

    /// <summary>
    /// Deletes the user's swipes and everyone's swipes on them. The first are on one shard, the second on any: this
    /// visits every shard (an account deletion is rare). Idempotent; a shard that is down throws, and the caller retries.
    /// </summary>
    public async Task ForgetUserAsync(Guid userId, CancellationToken ct)
    {
        foreach (var shard in shards.Map.Shards)
        {
            await using var db = shards.Open(shard);
            await db.Swipes.Where(s => s.SwiperId == userId || s.TargetId == userId).ExecuteDeleteAsync(ct);
        }
    }
}
