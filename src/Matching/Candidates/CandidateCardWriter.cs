using Dating.Matching.Data;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Candidates;

/// <summary>
/// Read-model writes as single upserts: events may arrive out of order or concurrently on several replicas,
/// so the newest OccurredAt wins inside PostgreSQL and a tombstone keeps deleted users out.
/// </summary>
internal static class CandidateCardWriter
{
    /// <returns>Whether the card changed (false for a stale or post-deletion event).</returns>
    public static async Task<bool> UpsertAsync(MatchingDbContext db, CandidateCard c, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO matching.candidates AS existing
                (user_id, display_name, birth_date, gender, interested_in, age_min, age_max, max_distance_km,
                 latitude, longitude, bio, interests, profile_version)
            SELECT {c.UserId}, {c.DisplayName}, {c.BirthDate}, {c.Gender}, {c.InterestedIn}, {c.AgeMin}, {c.AgeMax},
                   {c.MaxDistanceKm}, {c.Latitude}, {c.Longitude}, {c.Bio}::text, {c.Interests}, {c.ProfileVersion}
            WHERE NOT EXISTS (SELECT 1 FROM matching.deleted_users d WHERE d.user_id = {c.UserId})
            ON CONFLICT (user_id) DO UPDATE SET
                display_name = excluded.display_name, birth_date = excluded.birth_date, gender = excluded.gender,
                interested_in = excluded.interested_in, age_min = excluded.age_min, age_max = excluded.age_max,
                max_distance_km = excluded.max_distance_km, latitude = excluded.latitude, longitude = excluded.longitude,
                bio = excluded.bio, interests = excluded.interests, profile_version = excluded.profile_version
            WHERE existing.profile_version < excluded.profile_version
            """,
            ct) > 0;

    public static Task SetPrimaryPhotoAsync(MatchingDbContext db, Guid userId, Guid? photoId, DateTimeOffset version, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO matching.primary_photos AS existing (user_id, photo_id, version)
            SELECT {userId}, {photoId}::uuid, {version.ToUniversalTime()}
            WHERE NOT EXISTS (SELECT 1 FROM matching.deleted_users d WHERE d.user_id = {userId})
            ON CONFLICT (user_id) DO UPDATE SET photo_id = excluded.photo_id, version = excluded.version
            WHERE existing.version < excluded.version
            """,
            ct);

    /// <summary>A deleted photo stops being shown; recorded even before any PrimaryPhotoChanged so an older one cannot revive it.</summary>
    public static Task ForgetPhotoAsync(MatchingDbContext db, Guid userId, Guid photoId, DateTimeOffset version, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO matching.primary_photos AS existing (user_id, photo_id, version)
            SELECT {userId}, NULL::uuid, {version.ToUniversalTime()}
            WHERE NOT EXISTS (SELECT 1 FROM matching.deleted_users d WHERE d.user_id = {userId})
            ON CONFLICT (user_id) DO UPDATE SET photo_id = NULL, version = greatest(existing.version, excluded.version)
            WHERE existing.photo_id = {photoId}
            """,
            ct);
}
