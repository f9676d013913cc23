using Dating.Contracts.Photos;
using Dating.Profiles.Data;
using Dating.Profiles.Photos;
using Dating.Profiles.ProfileManagement;
using MassTransit;

namespace Dating.Profiles.IntegrationEvents;

internal sealed class PhotoDeletedConsumer(ProfilesDbContext db, PublicProfiles profiles) : PhotoEventConsumer<PhotoDeleted>(db, profiles)
{
    protected override Guid UserIdOf(PhotoDeleted message) => message.UserId;

    protected override async Task HandleAsync(ConsumeContext<PhotoDeleted> context, CancellationToken ct)
    {
        var (photoId, userId, occurredAt) = context.Message;
        var photo = await Db.ProfilePhotos.FindAsync([photoId], ct);
        if (photo is null)
        {
            // Deleted before its PhotoReady arrived: the tombstone makes that PhotoReady a no-op.
            Db.ProfilePhotos.Add(new ProfilePhoto { PhotoId = photoId, UserId = userId, DeletedAt = occurredAt });
        }
        else
        {
            photo.DeletedAt ??= occurredAt;
        }
    }
}
