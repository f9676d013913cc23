namespace Dating.Matching.Candidates;

/// <summary>Photos serves a stable thumbnail route; signed blob URLs expire, so they are never stored here.</summary>
internal static class PhotoUrls
{
    public static string? Thumbnail(Guid? photoId) => photoId is { } id ? $"/api/photos/{id}/thumbnail" : null;
}
