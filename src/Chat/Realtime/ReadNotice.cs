namespace Dating.Chat.Realtime;

/// <summary>The hub's <c>read</c> event: <paramref name="UserId"/> has read everything up to <paramref name="UpToMessageId"/>.</summary>
public sealed record ReadNotice(Guid MatchId, Guid UserId, Guid UpToMessageId);
