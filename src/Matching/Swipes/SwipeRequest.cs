namespace Dating.Matching.Swipes;

public sealed record SwipeRequest(Guid? TargetUserId, string? Decision);
