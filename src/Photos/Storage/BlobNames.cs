namespace Dating.Photos.Storage;

/// <summary>Blob names come from server-generated ids only: nothing a client sends is part of a path.</summary>
internal static class BlobNames
{
    /// <summary>Uploads as received (may carry EXIF): never signed, never served.</summary>
    public const string OriginalsContainer = "photo-originals";

    /// <summary>Re-encoded images and thumbnails, served through short-lived signed URLs.</summary>
    public const string ImagesContainer = "photos";

    public static string UserPrefix(Guid userId) => $"{userId:D}/";

    public static string PhotoPrefix(Guid userId, Guid photoId) => $"{userId:D}/{photoId:D}/";

    public static string Original(Guid userId, Guid photoId) => PhotoPrefix(userId, photoId) + "original";

    public static string Of(Guid userId, Guid photoId, PhotoVariant variant) => PhotoPrefix(userId, photoId) + variant switch
    {
        PhotoVariant.Image => "image.jpg",
        PhotoVariant.Thumbnail => "thumbnail.jpg",
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown variant."),
    };
}
