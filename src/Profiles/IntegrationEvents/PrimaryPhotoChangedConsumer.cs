using Dating.Contracts.Photos;
using Dating.Profiles.Data;
using Dating.Profiles.ProfileManagement;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Dating.Profiles.IntegrationEvents;

internal sealed class PrimaryPhotoChangedConsumer(ProfilesDbContext db, PublicProfiles profiles)
    : PhotoEventConsumer<PrimaryPhotoChanged>(db, profiles)
{
    protected override Guid UserIdOf(PrimaryPhotoChanged message) => message.UserId;

    // One statement, so two replicas handling two changes of one user at once cannot both insert:
    // the later change wins, whichever commits last.
    protected override async Task HandleAsync(ConsumeContext<PrimaryPhotoChanged> context, CancellationToken ct)
    {
        var (userId, photoId, occurredAt) = context.Message;
        await Db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO profiles.primary_photos (user_id, photo_id, changed_at) VALUES ({userId}, {photoId}, {occurredAt})
            ON CONFLICT (user_id) DO UPDATE SET photo_id = excluded.photo_id, changed_at = excluded.changed_at
            WHERE primary_photos.changed_at < excluded.changed_at
            """,
            ct);
    }
}
