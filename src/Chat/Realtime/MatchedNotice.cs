namespace Dating.Chat.Realtime;

/// <summary>The hub's <c>matched</c> event: <paramref name="UserId"/> is the other member, the one the recipient can now talk to.</summary>
public sealed record MatchedNotice(Guid MatchId, Guid UserId);
