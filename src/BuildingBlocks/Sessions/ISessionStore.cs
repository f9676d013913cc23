namespace Dating.BuildingBlocks.Sessions;

/// <summary>Server-side sessions behind opaque bearer tokens, shared by every service through Redis.</summary>
public interface ISessionStore
{
    Task<IssuedSession> CreateAsync(Guid userId, CancellationToken ct);

    /// <summary>The session behind a token, or null when it is unknown, malformed or expired. Slides the expiry.</summary>
    Task<SessionInfo?> ValidateAsync(string token, CancellationToken ct);

    Task RevokeAsync(string token, CancellationToken ct);

    Task RevokeAllAsync(Guid userId, CancellationToken ct);
}
