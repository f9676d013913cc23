namespace Dating.Contracts.Photos;

/// <summary>A photo and its blobs are gone.</summary>
[IntegrationEvent("photo-deleted", 1)]
public sealed record PhotoDeleted(Guid PhotoId, Guid UserId, DateTimeOffset OccurredAt);
