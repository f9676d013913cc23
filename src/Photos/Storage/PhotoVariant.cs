namespace Dating.Photos.Storage;

/// <summary>The re-encoded blobs made from an original: the only ones ever shown through signed URLs.</summary>
internal enum PhotoVariant
{
    Image,
    Thumbnail,
}
