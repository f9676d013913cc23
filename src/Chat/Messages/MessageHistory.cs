using Dating.BuildingBlocks.Persistence;
using Dating.Chat.Data;
using Microsoft.EntityFrameworkCore;

namespace Dating.Chat.Messages;

internal static class MessageHistory
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    /// <summary>
    /// Newest first; with <paramref name="before"/>, the page strictly older than that message. Keyset on (sent_at, id):
    /// every page is an index range scan, and messages arriving meanwhile never shift or repeat a page. An older page
    /// tolerates a little replication lag: a standby serves it once it has replayed the conversation's latest message.
    /// </summary>
    public static async Task<IReadOnlyList<MessageResponse>?> PageAsync(
        ChatDbContext db, StandbyReads<ChatDbContext> reads, Guid matchId, Guid? before, int limit, CancellationToken ct)
    {
        if (before is not { } beforeId)
        {
            return await ReadAsync(db.Messages.Where(m => m.MatchId == matchId), limit, ct);
        }

        return await reads.ReadAsync(ReaderKey(matchId), async standby =>
        {
            var cursor = await standby.Messages.AsNoTracking()
                .Where(m => m.Id == beforeId && m.MatchId == matchId)
                .Select(m => new { m.SentAt, m.Id })
                .SingleOrDefaultAsync(ct);
            return cursor is null ? null : await ReadAsync(standby.Messages.FromSql($"""
                SELECT * FROM chat.messages
                WHERE match_id = {matchId} AND (sent_at, id) < ({cursor.SentAt}, {cursor.Id})
                """), limit, ct);
        }, ct);
    }

    /// <summary>The key under which a conversation's writes are recorded for <see cref="StandbyReads{TDbContext}"/>.</summary>
    public static string ReaderKey(Guid matchId) => $"conversation:{matchId}";

    private static async Task<IReadOnlyList<MessageResponse>?> ReadAsync(IQueryable<Message> page, int limit, CancellationToken ct)
    {
        var messages = await page.AsNoTracking()
            .OrderByDescending(m => m.SentAt)
            .ThenByDescending(m => m.Id)
            .Take(limit)
            .ToListAsync(ct);
        return [.. messages.Select(m => m.ToResponse())];
    }
}
