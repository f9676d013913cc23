using Dating.Profiles.Data;
using Microsoft.EntityFrameworkCore;

namespace Dating.Profiles.Photos;

internal static class ProfilePhotoQueries
{
    /// <summary>The user's ready photos: the primary first, then the others in the order they became ready.</summary>
    public static Task<List<Guid>> ShownPhotoIdsAsync(this ProfilesDbContext db, Guid userId, CancellationToken ct) =>
        db.ProfilePhotos
            .Where(p => p.UserId == userId && p.ReadyAt != null && p.DeletedAt == null)
            .OrderByDescending(p => db.PrimaryPhotos.Any(primary => primary.UserId == userId && primary.PhotoId == p.PhotoId))
            .ThenBy(p => p.ReadyAt)
            .ThenBy(p => p.PhotoId)
            .Select(p => p.PhotoId)
            .ToListAsync(ct);
}
