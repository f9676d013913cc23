using Dating.BuildingBlocks.Messaging;
using Dating.Contracts.Photos;
using Dating.Photos.Data;
using Dating.Photos.Library;
using Dating.Photos.Processing;
using Dating.Photos.Storage;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Dating.Photos.IntegrationEvents;

/// <summary>
/// Turns an uploaded original into a ready photo, on whichever replica takes the message. A crash half-way
/// rolls the transaction back and the message is redelivered; blobs written by the earlier attempt are kept.
/// Once the photo is ready the original goes: it may carry EXIF and GPS, and nothing of it may survive.
/// </summary>
internal sealed class PhotoUploadedConsumer(
    PhotosDbContext db, PhotoBlobStore blobs, ImageProcessor processor, AfterCommit afterCommit, TimeProvider time)
    : IdempotentConsumer<PhotoUploaded, PhotosDbContext>(db)
{
    protected override async Task HandleAsync(ConsumeContext<PhotoUploaded> context, CancellationToken ct)
    {
        var (photoId, userId) = (context.Message.PhotoId, context.Message.UserId);
        if (!await Db.Photos.AnyAsync(p => p.Id == photoId && p.Status == PhotoStatus.Processing, ct))
        {
            return;
        }

        // The slow part runs before the user's lock is taken, so it never holds up the user's other requests.
        var original = await blobs.DownloadOriginalAsync(userId, photoId, ct);
        var outcome = original is null
            ? new ProcessingOutcome.Rejected("The original is missing.")
            : await processor.ProcessAsync(original, ct);
        if (outcome is ProcessingOutcome.Processed processed)
        {
            await blobs.PutVariantAsync(userId, photoId, PhotoVariant.Image, processed.Image, ct);
            await blobs.PutVariantAsync(userId, photoId, PhotoVariant.Thumbnail, processed.Thumbnail, ct);
        }

        await Db.LockUserPhotosAsync(userId, ct);
        var photos = await Db.Photos.Where(p => p.UserId == userId).ToListAsync(ct);
        var photo = photos.SingleOrDefault(p => p.Id == photoId);
        if (photo is null)
        {
            // Deleted while it was processed: take away what this run just stored.
            await blobs.DeletePhotoAsync(userId, photoId, ct);
            return;
        }

        if (photo.Status != PhotoStatus.Processing)
        {
            if (photo.Status == PhotoStatus.Failed)
            {
                // The stalled sweep gave up on it meanwhile: a failed photo keeps no blobs.
                await blobs.DeletePhotoAsync(userId, photoId, ct);
            }

            return;
        }

        var primaryBefore = PrimaryPhoto.Of(photos);
        var now = time.GetUtcNow();
        photo.ProcessedAt = now;
        switch (outcome)
        {
            case ProcessingOutcome.Processed ready:
                photo.Status = PhotoStatus.Ready;
                photo.Width = ready.Width;
                photo.Height = ready.Height;
                Db.AddIntegrationEvent(new PhotoReady(photoId, userId, now));

                // Only after commit: a rolled-back attempt is redelivered and needs the original again.
                afterCommit.Enqueue(Db, () => blobs.DeleteOriginalAsync(userId, photoId, ct));
                break;
            case ProcessingOutcome.Rejected rejected:
                photo.Status = PhotoStatus.Failed;
                photo.FailureReason = rejected.Reason;
                await blobs.DeletePhotoAsync(userId, photoId, ct);
                break;
        }

        var primaryAfter = PrimaryPhoto.Of(photos);
        if (primaryAfter != primaryBefore)
        {
            Db.AddIntegrationEvent(new PrimaryPhotoChanged(userId, primaryAfter, now));
        }
    }
}
