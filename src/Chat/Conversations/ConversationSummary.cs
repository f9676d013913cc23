using Dating.Chat.Messages;

namespace Dating.Chat.Conversations;

/// <summary>One open conversation of the caller: whom with, the newest message, and how many of the other's messages are unread.</summary>
public sealed record ConversationSummary(Guid MatchId, Guid OtherUserId, MessageResponse? LastMessage, int UnreadCount);
