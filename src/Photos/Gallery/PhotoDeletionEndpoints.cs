using System.Security.Claims;
using Dating.BuildingBlocks.Http;
using Dating.BuildingBlocks.Messaging;
using Dating.BuildingBlocks.Sessions;
using Dating.Contracts.Photos;
using Dating.Photos.Data;
using Dating.Photos.Library;
using Dating.Photos.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dating.Photos.Gallery;

internal static class PhotoDeletionEndpoints
{
    public static RouteGroupBuilder MapPhotoDeletionEndpoints(this RouteGroupBuilder group)
    {
        group.MapDelete("/{photoId:guid}", Delete)
            .WithName("DeletePhoto")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Delete one of the caller's photos and its blobs.");
        return group;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid photoId,
        ClaimsPrincipal user,
        PhotosDbContext db,
        PhotoBlobStore blobs,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        var userId = user.GetUserId();
        var deleted = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
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
        if (!deleted)
        {
            return Problems.NotFound("No such photo.");
        }

        try
        {
            await blobs.DeletePhotoAsync(userId, photoId, CancellationToken.None);
        }
        catch (Exception exception) when (exception is Azure.RequestFailedException or HttpRequestException)
        {
            // DeletedPhotoBlobsConsumer retries it from the PhotoDeleted event.
            loggers.CreateLogger(typeof(PhotoDeletionEndpoints)).LogWarning(exception, "Could not delete the blobs of photo {PhotoId} yet.", photoId);
        }

        return TypedResults.NoContent();
    }
}
