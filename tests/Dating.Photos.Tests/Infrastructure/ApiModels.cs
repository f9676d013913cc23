namespace Dating.Photos.Tests.Infrastructure;

public sealed record UploadAnswer(Guid PhotoId, string Status);

public sealed record MyPhoto(Guid PhotoId, string Status, int Position, Uri? Url, Uri? ThumbnailUrl, string? FailureReason);

public sealed record PublicPhoto(Guid PhotoId, Guid UserId, string Status, Uri? Url, Uri? ThumbnailUrl);
