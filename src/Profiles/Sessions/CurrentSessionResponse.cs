namespace Dating.Profiles.Sessions;

internal sealed record CurrentSessionResponse(Guid UserId, DateTimeOffset ExpiresAt);
