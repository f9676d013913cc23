using System.Security.Claims;
using Dating.BuildingBlocks.Http;
using Dating.BuildingBlocks.Messaging;
using Dating.BuildingBlocks.Sessions;
using Dating.Photos.Data;
using Dating.Photos.Library;
using Dating.Photos.Processing;
using Dating.Photos.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dating.Photos.Uploads;

internal static class UploadEndpoints
{
    public static RouteGroupBuilder MapUploadEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("", Upload)
            .WithName("UploadPhoto")
            .WithSummary("Upload a JPEG, PNG or WebP photo (multipart field `file`, at most 10 MiB); it is processed asynchronously.")
            // Routing applies this IRequestSizeLimitMetadata; the exact 10 MiB is enforced while streaming.
            .WithMetadata(new RequestSizeLimitAttribute(PhotoLimits.MaxRequestBytes))
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return group;
    }

    public static async Task<Results<Accepted<UploadResponse>, ProblemHttpResult>> Upload(
        HttpRequest request,
        ClaimsPrincipal user,
        PhotosDbContext db,
        PhotoBlobStore blobs,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        var userId = user.GetUserId();
        if (MultipartUpload.BoundaryOf(request) is not { } boundary)
        {
            return Problems.BadRequest("Send the photo as multipart/form-data with a `file` field.");
        }

        // Checked again under the user's lock when the row is written; this spares streaming a photo that cannot be kept.
        if (await db.Photos.CountAsync(p => p.UserId == userId, ct) >= PhotoLimits.MaxPhotosPerUser)
        {
            return TooManyPhotos();
        }

        MultipartUpload upload;
        try
        {
            if (await MultipartUpload.OpenAsync(new MultipartReader(boundary, request.Body), ct) is not { } opened)
            {
                return Problems.BadRequest("The form has no `file` field.");
            }

            upload = opened;
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            return ClientFault(exception);
        }

        if (upload.Format is null)
        {
            return Problems.BadRequest("Only JPEG, PNG and WebP images are accepted, recognised by their content.");
        }

        var photoId = Guid.CreateVersion7();
        var logger = loggers.CreateLogger(typeof(UploadEndpoints));
        try
        {
            await blobs.UploadOriginalAsync(userId, photoId, upload.Content, upload.Format.ContentType, ct);
        }
        catch (Exception) when (upload.Content.ClientFault is { } fault)
        {
            await DeleteQuietlyAsync(blobs, userId, photoId, logger);
            return ClientFault(fault);
        }
        catch
        {
            await DeleteQuietlyAsync(blobs, userId, photoId, logger);
            throw;
        }

        bool saved;
        try
        {
            saved = await SaveAsync(db, userId, new Photo
            {
                Id = photoId,
                UserId = userId,
                Status = PhotoStatus.Processing,
                OriginalContentType = upload.Format.ContentType,
                OriginalSizeBytes = upload.Content.BytesRead,
                UploadedAt = time.GetUtcNow(),
            }, ct);
        }
        catch
        {
            // Nothing half-written: no row, no blob.
            await DeleteQuietlyAsync(blobs, userId, photoId, logger);
            throw;
        }

        if (!saved)
        {
            await DeleteQuietlyAsync(blobs, userId, photoId, logger);
            return TooManyPhotos();
        }

        return TypedResults.Accepted($"/api/photos/{photoId}", new UploadResponse(photoId, PhotoStatus.Processing));
    }

    // The row and its PhotoUploaded event commit together; the user's lock makes the count and position exact.
    private static Task<bool> SaveAsync(PhotosDbContext db, Guid userId, Photo photo, CancellationToken ct) =>
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

    private static ProblemHttpResult ClientFault(Exception fault) => fault switch
    {
        PhotoTooLargeException => TooLarge(),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLarge(),
        BadHttpRequestException bad => Problems.Of(bad.StatusCode, "Bad request", bad.Message),
        _ => Problems.BadRequest("The multipart body is malformed or incomplete."),
    };

    private static ProblemHttpResult TooLarge() => Problems.Of(
        StatusCodes.Status413PayloadTooLarge,
        "Photo too large",
        $"A photo may be at most {PhotoLimits.MaxUploadBytes / (1024 * 1024)} MiB.");

    private static ProblemHttpResult TooManyPhotos() => Problems.Of(
        StatusCodes.Status409Conflict,
        "Too many photos",
        $"A user may have at most {PhotoLimits.MaxPhotosPerUser} photos; delete one first.");

    private static async Task DeleteQuietlyAsync(PhotoBlobStore blobs, Guid userId, Guid photoId, ILogger logger)
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
