using Dating.Contracts.Photos;
using Dating.Profiles.Data;
using Dating.Profiles.Photos;
using Dating.Profiles.ProfileManagement;
using MassTransit;

namespace Dating.Profiles.IntegrationEvents;

internal sealed class PhotoReadyConsumer(ProfilesDbContext db, PublicProfiles profiles) : PhotoEventConsumer<PhotoReady>(db, profiles)
{
    protected override Guid UserIdOf(PhotoReady message) => message.UserId;

    protected override async Task HandleAsync(ConsumeContext<PhotoReady> context, CancellationToken ct)
    {
        var (photoId, userId, occurredAt) = context.Message;
        var photo = await Db.ProfilePhotos.FindAsync([photoId], ct);
        if (photo is null)
        {
            Db.ProfilePhotos.Add(new ProfilePhoto { PhotoId = photoId, UserId = userId, ReadyAt = occurredAt });
        }
        else if (photo.ReadyAt is null || occurredAt < photo.ReadyAt)
        {
            // A tombstone stays a tombstone: DeletedAt is untouched, so the photo stays hidden.
            photo.ReadyAt = occurredAt;
        }
    }
}
