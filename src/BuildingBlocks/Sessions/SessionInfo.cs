namespace Dating.BuildingBlocks.Sessions;

public sealed record SessionInfo(Guid UserId, DateTimeOffset ExpiresAt);
