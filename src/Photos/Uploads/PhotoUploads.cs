using Dating.BuildingBlocks.Messaging;
using Dating.Photos.Data;
using Dating.Photos.Library;
using Dating.Photos.Processing;
using Dating.Photos.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dating.Photos.Uploads;

/// <summary>
/// Keeps an uploaded original: its blob first, then its row and PhotoUploaded in one transaction under the user's
/// lock, which makes the count limit and the position exact. Nothing is left half-written: no row, no blob.
/// </summary>
internal sealed class PhotoUploads(PhotosDbContext db, PhotoBlobStore blobs, TimeProvider time, ILogger<PhotoUploads> logger)
{
    /// <summary>Whether the user may add a photo now; <see cref="KeepAsync"/> checks again under the lock.</summary>
    public async Task<bool> HasRoomAsync(Guid userId, CancellationToken ct) =>
        await db.Photos.CountAsync(p => p.UserId == userId, ct) < PhotoLimits.MaxPhotosPerUser;

    public async Task<UploadOutcome> KeepAsync(Guid userId, ImageFormat format, LimitedUploadStream content, CancellationToken ct)
    {
        var photoId = Guid.CreateVersion7();
        try
        {
            await blobs.UploadOriginalAsync(userId, photoId, content, format.ContentType, ct);
        }
        catch (Exception) when (content.ClientFault is { } fault)
        {
            await DeleteQuietlyAsync(userId, photoId);
            return new UploadOutcome.ClientFault(fault);
        }
        catch
        {
            await DeleteQuietlyAsync(userId, photoId);
            throw;
        }

        bool saved;
        try
        {
            saved = await SaveAsync(userId, new Photo
            {
                Id = photoId,
                UserId = userId,
                Status = PhotoStatus.Processing,
                OriginalContentType = format.ContentType,
                OriginalSizeBytes = content.BytesRead,
                UploadedAt = time.GetUtcNow(),
            }, ct);
        }
        catch
        {
            await DeleteQuietlyAsync(userId, photoId);
            throw;
        }

        if (!saved)
        {
            await DeleteQuietlyAsync(userId, photoId);
            return new UploadOutcome.TooManyPhotos();
        }

        return new UploadOutcome.Kept(photoId);
    }

    private Task<bool> SaveAsync(Guid userId, Photo photo, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.LockUserPhotosAsync(userId, ct);
            var count = await db.Photos.CountAsync(p => p.UserId == userId, ct);
            if (count >= PhotoLimits.MaxPhotosPerUser)
            {
                return false;
            }

            photo.Position = count;
            db.Photos.Add(photo);
            db.AddIntegrationEvent(new PhotoUploaded(photo.Id, userId, photo.UploadedAt));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        });

    private async Task DeleteQuietlyAsync(Guid userId, Guid photoId)
    {
        try
        {
            await blobs.DeletePhotoAsync(userId, photoId, CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not delete the blobs of the refused upload {PhotoId}.", photoId);
        }
    }
}
