namespace Dating.Chat.Messages;

/// <summary>A stored message: the POST answer, a history item and the hub's <c>message</c> event.</summary>
public sealed record MessageResponse(Guid MessageId, Guid MatchId, Guid SenderId, string Text, DateTimeOffset SentAt);
