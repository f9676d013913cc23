namespace Dating.Photos.Library;

/// <summary>A user's primary photo: the first ready one by position.</summary>
internal static class PrimaryPhoto
{
    public static Guid? Of(IEnumerable<Photo> photos) =>
        photos.Where(p => p.Status == PhotoStatus.Ready).OrderBy(p => p.Position).Select(p => (Guid?)p.Id).FirstOrDefault();
}
