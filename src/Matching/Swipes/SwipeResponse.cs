namespace Dating.Matching.Swipes;

public sealed record SwipeResponse(bool Matched, Guid? MatchId);
