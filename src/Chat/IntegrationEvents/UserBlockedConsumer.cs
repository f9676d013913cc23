using Dating.BuildingBlocks.Messaging;
using Dating.Chat.Data;
using Dating.Chat.Realtime;
using Dating.Contracts.Matching;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Dating.Chat.IntegrationEvents;

/// <summary>A block closes any open conversation between the two at once (without waiting for the MatchEnded that follows).</summary>
internal sealed class UserBlockedConsumer(ChatDbContext db, ChatNotifier notifier, AfterCommit afterCommit, TimeProvider time)
    : IdempotentConsumer<UserBlocked, ChatDbContext>(db)
{
    protected override async Task HandleAsync(ConsumeContext<UserBlocked> context, CancellationToken ct)
    {
        var (blocker, blocked, _) = context.Message;
        var now = time.GetUtcNow();
        var closed = await Db.Conversations
            .FromSql($"""
                UPDATE chat.conversations SET closed_at = {now}
                WHERE closed_at IS NULL
                  AND ((user_a = {blocker} AND user_b = {blocked}) OR (user_a = {blocked} AND user_b = {blocker}))
                RETURNING *
                """)
            .AsNoTracking()
            .ToListAsync(ct);
        foreach (var conversation in closed)
        {
            afterCommit.Enqueue(Db, () => notifier.UnmatchedAsync(conversation.MatchId, conversation.UserA, conversation.UserB));
        }
    }
}
