using Dating.Matching.Data;
using Dating.Matching.Shards;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Swipes;

/// <summary>
/// Swipes on their shards, keyed by the swiper: each call is its own short transaction on one shard (so a swipe is
/// committed before anyone looks for it), but forgetting a user, which visits every shard. While a resharding moves a
/// swiper, their swipes are on two shards: reads take both, and a write first asks the other shard for a decision.
/// A shard that is the module's own database (one shard, no shard servers) is used on <paramref name="module"/>'s
/// connection and in its transaction instead: see <see cref="ShardPlacement.Open(string, DbContext)"/>.
/// </summary>
internal sealed class SwipeStore(SwipeShards shards, MatchingDbContext module)
{
    /// <summary>
    /// Stores the swipe on the swiper's shard unless one is there already: the first decision is final. Call it inside
    /// <see cref="ShardFence"/> and the pair lock: then no other write of the pair runs meanwhile, under this map version or another.
    /// </summary>
    /// <returns>Whether the swiper's (first) decision on the target is a like.</returns>
    public async Task<bool> RecordAsync(Guid swiperId, Guid targetId, SwipeDecision decision, DateTimeOffset now, CancellationToken ct)
    {
        var placement = shards.Placement;
        var (write, other) = placement.WriteShardsOf(swiperId);
        if (other is not null)
        {
            await using var elsewhere = placement.Open(other, module);
            var earlier = await elsewhere.Swipes.AsNoTracking()
                .Where(s => s.SwiperId == swiperId && s.TargetId == targetId).Select(s => (SwipeDecision?)s.Decision).FirstOrDefaultAsync(ct);
            if (earlier is { } first)
            {
                return first == SwipeDecision.Like;
            }
        }

        // The insert and the read of the first decision in one statement. Its snapshot predates its own insert, so the
        // first branch answers for a new row and the second for one stored before; the pair lock keeps any other write of
        // the pair out meanwhile. Should neither answer (a write outside the lock), the read is made on its own.
        await using var db = placement.Open(write, module);
        var decided = await db.Database
            .SqlQuery<int>(
                $"""
                WITH inserted AS (
                    INSERT INTO matching_swipes.swipes (swiper_id, target_id, decision, swiped_at)
                    VALUES ({swiperId}, {targetId}, {(int)decision}, {now})
                    ON CONFLICT DO NOTHING
                    RETURNING decision)
                SELECT decision AS "Value" FROM inserted
                UNION ALL
                SELECT decision FROM matching_swipes.swipes WHERE swiper_id = {swiperId} AND target_id = {targetId}
                LIMIT 1
                """)
            .ToListAsync(ct);
        return decided is [var stored] ? stored == (int)SwipeDecision.Like : await LikesAsync(db, swiperId, targetId, ct);
    }

    /// <summary>Whether <paramref name="swiperId"/> liked <paramref name="targetId"/>: one lookup on the swiper's shard (two while it moves).</summary>
    public async Task<bool> LikedAsync(Guid swiperId, Guid targetId, CancellationToken ct)
    {
        var placement = shards.Placement;
        foreach (var shard in placement.ReadShardsOf(swiperId))
        {
            await using var db = placement.Open(shard, module);
            if (await LikesAsync(db, swiperId, targetId, ct))
            {
                return true;
            }
        }

        return false;
    }

    private static Task<bool> LikesAsync(SwipeShardDbContext db, Guid swiperId, Guid targetId, CancellationToken ct) =>
        db.Swipes.AnyAsync(s => s.SwiperId == swiperId && s.TargetId == targetId && s.Decision == SwipeDecision.Like, ct);

    /// <summary>Everyone <paramref name="swiperId"/> has swiped, or those of <paramref name="among"/>: one range scan on one shard (two while it moves).</summary>
    public async Task<Guid[]> SwipedByAsync(Guid swiperId, IReadOnlyCollection<Guid>? among, CancellationToken ct)
    {
        var placement = shards.Placement;
        var swiped = new HashSet<Guid>();
        foreach (var shard in placement.ReadShardsOf(swiperId))
        {
            await using var db = placement.Open(shard, module);
            var mine = db.Swipes.AsNoTracking().Where(s => s.SwiperId == swiperId);
            if (among is not null)
            {
                mine = mine.Where(s => among.Contains(s.TargetId));
            }

            swiped.UnionWith(await mine.Select(s => s.TargetId).ToArrayAsync(ct));
        }

        return [.. swiped];
    }

    /// <summary>
    /// Deletes the user's swipes and everyone's swipes on them. The first are on one shard, the second on any: this
    /// visits every shard (an account deletion is rare), during a resharding the old ring's too. Call it inside
    /// <see cref="ShardFence"/> with its copy lock. Idempotent; a shard that is down throws, and the caller retries.
    /// </summary>
    public async Task ForgetUserAsync(Guid userId, CancellationToken ct)
    {
        var placement = shards.Placement;
        foreach (var shard in placement.Map.AllShards)
        {
            await using var db = placement.Open(shard, module);
            await db.Swipes.Where(s => s.SwiperId == userId || s.TargetId == userId).ExecuteDeleteAsync(ct);
        }
    }
}
