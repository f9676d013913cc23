using Dating.Photos.Library;

namespace Dating.Photos.Gallery;

/// <summary>One of the caller's own photos; the URLs only once it is ready, the reason only when it failed.</summary>
public sealed record MyPhotoResponse(Guid PhotoId, PhotoStatus Status, int Position, Uri? Url, Uri? ThumbnailUrl, string? FailureReason);
