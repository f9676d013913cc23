using Dating.Contracts.Photos;
using Dating.Profiles.Data;
using Dating.Profiles.Photos;
using Dating.Profiles.ProfileManagement;
using MassTransit;

namespace Dating.Profiles.IntegrationEvents;

internal sealed class PrimaryPhotoChangedConsumer(ProfilesDbContext db, PublicProfileCache cache)
    : PhotoEventConsumer<PrimaryPhotoChanged>(db, cache)
{
    protected override Guid UserIdOf(PrimaryPhotoChanged message) => message.UserId;

    protected override async Task HandleAsync(ConsumeContext<PrimaryPhotoChanged> context, CancellationToken ct)
    {
        var (userId, photoId, occurredAt) = context.Message;
        var primary = await Db.PrimaryPhotos.FindAsync([userId], ct);
        if (primary is null)
        {
            Db.PrimaryPhotos.Add(new PrimaryPhoto { UserId = userId, PhotoId = photoId, ChangedAt = occurredAt });
        }
        else if (occurredAt > primary.ChangedAt)
        {
            primary.PhotoId = photoId;
            primary.ChangedAt = occurredAt;
        }
    }
}
