using Dating.Profiles.Data;
using Dating.Profiles.Photos;
using Microsoft.EntityFrameworkCore;

namespace Dating.Profiles.ProfileManagement;

internal static class PublicProfileQueries
{
    public static async Task<PublicProfileSnapshot?> LoadPublicProfileAsync(this ProfilesDbContext db, Guid userId, CancellationToken ct)
    {
        var profile = await db.Profiles.AsNoTracking()
            .Where(p => p.UserId == userId)
            .Select(p => new { p.UserId, p.DisplayName, p.BirthDate, p.Bio, p.Gender, p.Interests })
            .SingleOrDefaultAsync(ct);
        if (profile is null)
        {
            return null;
        }

        var photoIds = await db.ShownPhotoIdsAsync(userId, ct);
        return new PublicProfileSnapshot(
            profile.UserId, profile.DisplayName, profile.BirthDate, profile.Bio, profile.Gender, profile.Interests, photoIds);
    }
}
