using Dating.BuildingBlocks.Messaging;
using Dating.Chat.Data;
using Dating.Chat.Realtime;
using Dating.Contracts.Matching;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Dating.Chat.IntegrationEvents;

/// <summary>A match opens its conversation (unless its end arrived first) and both users hear <c>matched</c>.</summary>
internal sealed class MatchCreatedConsumer(ChatDbContext db, ChatNotifier notifier, AfterCommit afterCommit)
    : IdempotentConsumer<MatchCreated, ChatDbContext>(db)
{
    protected override async Task HandleAsync(ConsumeContext<MatchCreated> context, CancellationToken ct)
    {
        var match = context.Message;
        var opened = await Db.Database.ExecuteSqlAsync($"""
            INSERT INTO chat.conversations (match_id, user_a, user_b, opened_at, closed_at)
            VALUES ({match.MatchId}, {match.UserA}, {match.UserB}, {match.OccurredAt}, NULL)
            ON CONFLICT (match_id) DO NOTHING
            """, ct);
        if (opened > 0)
        {
            afterCommit.Enqueue(Db, () => notifier.MatchedAsync(match.MatchId, match.UserA, match.UserB));
        }
    }
}
