namespace Dating.Contracts.Photos;

/// <summary>
/// The user's first ready photo changed; null when the user has no ready photo left. Other services show it
/// through the stable <c>/api/photos/{photoId}/thumbnail</c> route, never a stored signed URL (those expire).
/// </summary>
[IntegrationEvent("primary-photo-changed", 1)]
public sealed record PrimaryPhotoChanged(Guid UserId, Guid? PhotoId, DateTimeOffset OccurredAt);
