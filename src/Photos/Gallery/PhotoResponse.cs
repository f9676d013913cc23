using Dating.Photos.Library;

namespace Dating.Photos.Gallery;

/// <summary>A photo as anyone may see it; the URLs are signed and short-lived.</summary>
public sealed record PhotoResponse(Guid PhotoId, Guid UserId, PhotoStatus Status, Uri? Url, Uri? ThumbnailUrl);
