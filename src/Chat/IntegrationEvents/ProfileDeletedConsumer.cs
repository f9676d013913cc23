using Dating.BuildingBlocks.Messaging;
using Dating.Chat.Data;
using Dating.Chat.Realtime;
using Dating.Contracts.Profiles;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Dating.Chat.IntegrationEvents;

/// <summary>The account is gone: its conversations go with every message and read marker in them; partners hear <c>unmatched</c>.</summary>
internal sealed class ProfileDeletedConsumer(ChatDbContext db, ChatNotifier notifier, AfterCommit afterCommit)
    : IdempotentConsumer<ProfileDeleted, ChatDbContext>(db)
{
    protected override async Task HandleAsync(ConsumeContext<ProfileDeleted> context, CancellationToken ct)
    {
        var userId = context.Message.UserId;
        var deleted = await Db.Conversations
            .FromSql($"DELETE FROM chat.conversations WHERE user_a = {userId} OR user_b = {userId} RETURNING *")
            .AsNoTracking()
            .ToListAsync(ct);

        // Messages and read markers cascade with their conversation.
        foreach (var conversation in deleted.Where(c => c.IsOpen))
        {
            afterCommit.Enqueue(Db, () => notifier.UnmatchedAsync(conversation.MatchId, conversation.OtherThan(userId)));
        }
    }
}
