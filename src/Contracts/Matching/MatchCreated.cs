namespace Dating.Contracts.Matching;

/// <summary>Two users liked each other; their conversation may open.</summary>
[IntegrationEvent("match-created", 1)]
public sealed record MatchCreated(Guid MatchId, Guid UserA, Guid UserB, DateTimeOffset OccurredAt);
