namespace Dating.BuildingBlocks.Sessions;

/// <summary>A new session: the token is shown to the client once and never stored.</summary>
public sealed record IssuedSession(string Token, DateTimeOffset ExpiresAt);
