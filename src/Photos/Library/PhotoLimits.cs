namespace Dating.Photos.Library;

/// <summary>The limits of the public contract (API.md), not tuning knobs.</summary>
internal static class PhotoLimits
{
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    /// <summary>The request may carry a little multipart framing on top of the file itself.</summary>
    public const long MaxRequestBytes = MaxUploadBytes + 64 * 1024;

    /// <summary>Failed photos hold their slot until the user deletes them.</summary>
    public const int MaxPhotosPerUser = 9;

    public const int ImageMaxSide = 2048;

    public const int ThumbnailMaxSide = 320;
}
