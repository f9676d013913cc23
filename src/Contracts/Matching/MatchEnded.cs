namespace Dating.Contracts.Matching;

/// <summary>A match is over (unmatch, block or a deleted account); its conversation closes.</summary>
[IntegrationEvent("match-ended", 1)]
public sealed record MatchEnded(Guid MatchId, Guid UserA, Guid UserB, MatchEndReason Reason, DateTimeOffset OccurredAt);
