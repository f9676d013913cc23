namespace Dating.Benchmarks.Scenarios.Chat;

/// <summary>The hub's <c>message</c> event (the same shape as the POST response).</summary>
public sealed record ChatMessage(Guid MessageId, Guid MatchId, Guid SenderId, string Text, DateTimeOffset SentAt);
