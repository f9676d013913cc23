using Dating.Photos.Library;

namespace Dating.Photos.Uploads;

public sealed record UploadResponse(Guid PhotoId, PhotoStatus Status);
