namespace Dating.Contracts.Chat;

/// <summary>A chat message was stored (its text stays in Chat); for notifications and analytics.</summary>
[IntegrationEvent("message-sent", 1)]
public sealed record MessageSent(Guid MessageId, Guid MatchId, Guid SenderId, Guid RecipientId, DateTimeOffset SentAt);
