namespace Dating.Chat.Conversations;

/// <summary>A row of the conversation list query (raw SQL, one round trip).</summary>
internal sealed record ConversationRow(
    Guid MatchId,
    Guid OtherUserId,
    Guid? LastMessageId,
    Guid? LastSenderId,
    string? LastText,
    DateTimeOffset? LastSentAt,
    int UnreadCount);
