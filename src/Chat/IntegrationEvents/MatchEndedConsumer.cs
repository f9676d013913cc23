using Dating.BuildingBlocks.Messaging;
using Dating.Chat.Data;
using Dating.Chat.Realtime;
using Dating.Contracts.Matching;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Dating.Chat.IntegrationEvents;

/// <summary>
/// The match's conversation closes and both users hear <c>unmatched</c>. Arriving before its MatchCreated,
/// it leaves a closed conversation behind, so the late MatchCreated cannot reopen it.
/// </summary>
internal sealed class MatchEndedConsumer(ChatDbContext db, ChatNotifier notifier, AfterCommit afterCommit)
    : IdempotentConsumer<MatchEnded, ChatDbContext>(db)
{
    protected override async Task HandleAsync(ConsumeContext<MatchEnded> context, CancellationToken ct)
    {
        var ended = context.Message;
        var closed = await Db.Database.ExecuteSqlAsync($"""
            INSERT INTO chat.conversations (match_id, user_a, user_b, opened_at, closed_at)
            VALUES ({ended.MatchId}, {ended.UserA}, {ended.UserB}, {ended.OccurredAt}, {ended.OccurredAt})
            ON CONFLICT (match_id) DO UPDATE SET closed_at = excluded.closed_at WHERE conversations.closed_at IS NULL
            """, ct);
        if (closed > 0)
        {
            afterCommit.Enqueue(Db, () => notifier.UnmatchedAsync(ended.MatchId, ended.UserA, ended.UserB));
        }
    }
}
