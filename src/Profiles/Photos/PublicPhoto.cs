namespace Dating.Profiles.Photos;

/// <summary>A photo on a public profile, by its stable gateway route: Photos redirects it to a fresh signed URL.</summary>
internal sealed record PublicPhoto(Guid PhotoId, string Url)
{
    public static PublicPhoto For(Guid photoId) => new(photoId, $"/api/photos/{photoId}/image");
}
