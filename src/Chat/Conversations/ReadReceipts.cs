using Dating.Chat.Data;
using Dating.Chat.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dating.Chat.Conversations;

/// <summary>Moves a member's read marker forward (never back) and tells the other member.</summary>
internal sealed class ReadReceipts(ChatDbContext db, ChatNotifier notifier, ILogger<ReadReceipts> logger)
{
    public enum Outcome
    {
        Marked,
        NotFound,
        Closed,
        UnknownMessage,
    }

    public async Task<Outcome> MarkReadAsync(Guid matchId, Guid reader, Guid upToMessageId, CancellationToken ct)
    {
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.MatchId == matchId, ct);
        if (conversation is null || !conversation.Involves(reader))
        {
            return Outcome.NotFound;
        }

        if (!conversation.IsOpen)
        {
            return Outcome.Closed;
        }

        var message = await db.Messages.AsNoTracking()
            .Where(m => m.Id == upToMessageId && m.MatchId == matchId)
            .Select(m => new { m.Id, m.SentAt })
            .SingleOrDefaultAsync(ct);
        if (message is null)
        {
            return Outcome.UnknownMessage;
        }

        int moved;
        try
        {
            moved = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO chat.read_markers (match_id, user_id, up_to_sent_at, up_to_message_id)
            VALUES ({matchId}, {reader}, {message.SentAt}, {message.Id})
            ON CONFLICT (match_id, user_id) DO UPDATE
                SET up_to_sent_at = excluded.up_to_sent_at, up_to_message_id = excluded.up_to_message_id
                WHERE (read_markers.up_to_sent_at, read_markers.up_to_message_id) < (excluded.up_to_sent_at, excluded.up_to_message_id)
            """, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return Outcome.NotFound; // the conversation went with a deleted account meanwhile
        }

        if (moved > 0)
        {
            try
            {
                await notifier.ReadAsync(matchId, reader, upToMessageId, conversation.OtherThan(reader));
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Read receipt for {MatchId} is stored but could not be pushed.", matchId);
            }
        }

        return Outcome.Marked;
    }
}
