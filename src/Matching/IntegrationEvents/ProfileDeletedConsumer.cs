using Dating.BuildingBlocks.Messaging;
using Dating.Contracts.Profiles;
using Dating.Matching.CardCache;
using Dating.Matching.Data;
using Dating.Matching.Matches;
using Dating.Matching.Queues;
using Dating.Matching.Shards;
using Dating.Matching.Swipes;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.IntegrationEvents;

/// <summary>Everything Matching holds of the user goes; each partner's match ends with <see cref="MatchEndReason.AccountDeleted"/>.</summary>
internal sealed class ProfileDeletedConsumer(
    MatchingDbContext db, SwipeStore swipes, MatchStore matches, SwipeShards shards, RecommendationQueue queue, CardInvalidations invalidations, AfterCommit afterCommit, TimeProvider time)
    : IdempotentConsumer<ProfileDeleted, MatchingDbContext>(db)
{
    protected override async Task HandleAsync(ConsumeContext<ProfileDeleted> context, CancellationToken ct)
    {
        var userId = context.Message.UserId;
        var now = time.GetUtcNow();

        // First, before any row lock a swipe may wait on: the swipes are deleted on every shard of the latest map, and no
        // resharding copy batch runs meanwhile (it could read a row before it is deleted here and write it back after).
        await ShardFence.EnterAsync(Db, shards, ct, alsoCopyLock: true);

        await Db.Database.ExecuteSqlAsync(
            $"INSERT INTO matching.deleted_users (user_id, deleted_at) VALUES ({userId}, {now}) ON CONFLICT DO NOTHING", ct);

        // The card goes first: its row lock waits for any swipe holding it, so a match that swipe creates is seen below.
        await Db.Candidates.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await Db.PrimaryPhotos.Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);

        // Every shard, before the inbox row commits: a shard that is down fails the message, and the redelivery goes on.
        await matches.ForgetUserAsync(userId, now, ct);
        await swipes.ForgetUserAsync(userId, ct);
        await Db.Blocks.Where(b => b.BlockerId == userId || b.BlockedId == userId).ExecuteDeleteAsync(ct);

        await queue.ForgetUserBestEffortAsync(userId, alsoActivity: true);
        afterCommit.Enqueue(Db, () => invalidations.PublishAsync(userId));
    }
}
