using Dating.BuildingBlocks.Messaging;
using Dating.Contracts.Matching;
using Dating.Profiles.Blocks;
using Dating.Profiles.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Dating.Profiles.IntegrationEvents;

internal sealed class UserBlockedConsumer(ProfilesDbContext db, BlockedUsers blocks, AfterCommit afterCommit)
    : IdempotentConsumer<UserBlocked, ProfilesDbContext>(db)
{
    protected override async Task HandleAsync(ConsumeContext<UserBlocked> context, CancellationToken ct)
    {
        var (blockerId, blockedId, occurredAt) = context.Message;
        if (blockerId == blockedId
            || await Db.Blocks.AnyAsync(b => b.BlockerId == blockerId && b.BlockedId == blockedId, ct))
        {
            return;
        }

        Db.Blocks.Add(new Block { BlockerId = blockerId, BlockedId = blockedId, BlockedAt = occurredAt });

        // After the commit: a read that loaded either list before it must not keep serving it (the cache's generation).
        afterCommit.Enqueue(Db, () => blocks.ChangedAsync(blockerId, blockedId));
    }
}
