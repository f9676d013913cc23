namespace Dating.Contracts.Photos;

/// <summary>A photo was processed (re-encoded, thumbnailed) and can be shown.</summary>
[IntegrationEvent("photo-ready", 1)]
public sealed record PhotoReady(Guid PhotoId, Guid UserId, DateTimeOffset OccurredAt);
