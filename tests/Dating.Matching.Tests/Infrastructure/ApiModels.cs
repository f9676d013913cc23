namespace Dating.Matching.Tests.Infrastructure;

public sealed record RecommendationDto(Guid UserId, string DisplayName, int Age, double DistanceKm, string? Bio, string[] Interests, string? PhotoUrl);

public sealed record SwipeDto(bool Matched, Guid? MatchId);

public sealed record MatchDto(Guid MatchId, Guid UserId, string DisplayName, string? PhotoUrl, DateTimeOffset MatchedAt);
