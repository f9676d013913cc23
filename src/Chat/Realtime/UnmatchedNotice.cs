namespace Dating.Chat.Realtime;

/// <summary>The hub's <c>unmatched</c> event: the conversation is closed.</summary>
public sealed record UnmatchedNotice(Guid MatchId);
