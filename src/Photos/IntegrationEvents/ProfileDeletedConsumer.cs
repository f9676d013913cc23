using Dating.BuildingBlocks.Messaging;
using Dating.Contracts.Profiles;
using Dating.Photos.Data;
using Dating.Photos.Storage;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Dating.Photos.IntegrationEvents;

/// <summary>An account is gone: every blob and row of its user goes too.</summary>
internal sealed class ProfileDeletedConsumer(PhotosDbContext db, PhotoBlobStore blobs)
    : IdempotentConsumer<ProfileDeleted, PhotosDbContext>(db)
{
    protected override async Task HandleAsync(ConsumeContext<ProfileDeleted> context, CancellationToken ct)
    {
        var userId = context.Message.UserId;

        // Under the user's lock a processing run cannot add blobs between the listing and the row delete;
        // one that finishes later finds no row and removes its own blobs.
        await Db.LockUserPhotosAsync(userId, ct);
        await blobs.DeleteUserAsync(userId, ct);
        await Db.Photos.Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
    }
}
