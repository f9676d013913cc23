using Dating.Chat.Data;
using Dating.Chat.Messages;
using Microsoft.EntityFrameworkCore;

namespace Dating.Chat.Conversations;

internal static class ConversationList
{
    /// <summary>The user's open conversations, most recently active first.</summary>
    public static async Task<IReadOnlyList<ConversationSummary>> ForAsync(ChatDbContext db, Guid me, CancellationToken ct)
    {
        var rows = await db.Database.SqlQuery<ConversationRow>($"""
            SELECT c.match_id,
                   CASE WHEN c.user_a = {me} THEN c.user_b ELSE c.user_a END AS other_user_id,
                   last.id AS last_message_id, last.sender_id AS last_sender_id, last.text AS last_text, last.sent_at AS last_sent_at,
                   (SELECT count(*)::int FROM chat.messages m
                     WHERE m.match_id = c.match_id AND m.sender_id <> {me}
                       AND (r.match_id IS NULL OR (m.sent_at, m.id) > (r.up_to_sent_at, r.up_to_message_id))) AS unread_count
            FROM chat.conversations c
            LEFT JOIN chat.read_markers r ON r.match_id = c.match_id AND r.user_id = {me}
            LEFT JOIN LATERAL (
                SELECT m.id, m.sender_id, m.text, m.sent_at FROM chat.messages m
                WHERE m.match_id = c.match_id ORDER BY m.sent_at DESC, m.id DESC LIMIT 1) last ON true
            WHERE c.closed_at IS NULL AND (c.user_a = {me} OR c.user_b = {me})
            ORDER BY COALESCE(last.sent_at, c.opened_at) DESC, c.match_id
            """).ToListAsync(ct);

        return [.. rows.Select(r => new ConversationSummary(
            r.MatchId,
            r.OtherUserId,
            r.LastMessageId is { } id ? new MessageResponse(id, r.MatchId, r.LastSenderId!.Value, r.LastText!, r.LastSentAt!.Value) : null,
            r.UnreadCount))];
    }
}
