namespace Dating.Profiles.Sessions;

/// <summary>A new session; the token is shown only here.</summary>
internal sealed record SessionResponse(Guid UserId, string Token, DateTimeOffset ExpiresAt);
