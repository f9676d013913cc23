using Dating.Chat.Data;
using Microsoft.EntityFrameworkCore;

namespace Dating.Chat.Messages;

internal static class MessageHistory
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    /// <summary>
    /// Newest first; with <paramref name="before"/>, the page strictly older than that message. Keyset on (sent_at, id):
    /// every page is an index range scan, and messages arriving meanwhile never shift or repeat a page.
    /// </summary>
    public static async Task<IReadOnlyList<MessageResponse>?> PageAsync(
        ChatDbContext db, Guid matchId, Guid? before, int limit, CancellationToken ct)
    {
        IQueryable<Message> page;
        if (before is { } beforeId)
        {
            var cursor = await db.Messages.AsNoTracking()
                .Where(m => m.Id == beforeId && m.MatchId == matchId)
                .Select(m => new { m.SentAt, m.Id })
                .SingleOrDefaultAsync(ct);
            if (cursor is null)
            {
                return null;
            }

            page = db.Messages.FromSql($"""
                SELECT * FROM chat.messages
                WHERE match_id = {matchId} AND (sent_at, id) < ({cursor.SentAt}, {cursor.Id})
                """);
        }
        else
        {
            page = db.Messages.Where(m => m.MatchId == matchId);
        }

        var messages = await page.AsNoTracking()
            .OrderByDescending(m => m.SentAt)
            .ThenByDescending(m => m.Id)
            .Take(limit)
            .ToListAsync(ct);
        return [.. messages.Select(m => m.ToResponse())];
    }
}
