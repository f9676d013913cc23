namespace Dating.Matching.Matches;

public sealed record MatchResponse(Guid MatchId, Guid UserId, string DisplayName, string? PhotoUrl, DateTimeOffset MatchedAt);
