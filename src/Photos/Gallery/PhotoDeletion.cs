using Dating.BuildingBlocks.Messaging;
using Dating.Contracts.Photos;
using Dating.Photos.Data;
using Dating.Photos.Library;
using Dating.Photos.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dating.Photos.Gallery;

/// <summary>
/// Deletes one of a user's photos under the user's lock: the others close ranks, and PhotoDeleted (with
/// PrimaryPhotoChanged when the primary photo changes) commits with the rows. The blobs go after the commit.
/// </summary>
internal sealed class PhotoDeletion(PhotosDbContext db, PhotoBlobStore blobs, TimeProvider time, ILogger<PhotoDeletion> logger)
{
    /// <returns>false when the user has no such photo.</returns>
    public async Task<bool> DeleteAsync(Guid userId, Guid photoId, CancellationToken ct)
    {
        if (!await DeleteRowAsync(userId, photoId, ct))
        {
            return false;
        }

        try
        {
            await blobs.DeletePhotoAsync(userId, photoId, CancellationToken.None);
        }
        catch (Exception exception) when (exception is Azure.RequestFailedException or HttpRequestException)
        {
            // DeletedPhotoBlobsConsumer retries it from the PhotoDeleted event.
            logger.LogWarning(exception, "Could not delete the blobs of photo {PhotoId} yet.", photoId);
        }

        return true;
    }

    private Task<bool> DeleteRowAsync(Guid userId, Guid photoId, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.LockUserPhotosAsync(userId, ct);
            var photos = await db.Photos.Where(p => p.UserId == userId).OrderBy(p => p.Position).ToListAsync(ct);
            var photo = photos.SingleOrDefault(p => p.Id == photoId);
            if (photo is null)
            {
                return false;
            }

            var primaryBefore = PrimaryPhoto.Of(photos);
            db.Photos.Remove(photo);
            photos.Remove(photo);
            for (var position = 0; position < photos.Count; position++)
            {
                photos[position].Position = position;
            }

            var now = time.GetUtcNow();
            db.AddIntegrationEvent(new PhotoDeleted(photoId, userId, now));
            var primaryAfter = PrimaryPhoto.Of(photos);
            if (primaryAfter != primaryBefore)
            {
                db.AddIntegrationEvent(new PrimaryPhotoChanged(userId, primaryAfter, now));
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        });
}
