using System.Security.Claims;
using Dating.BuildingBlocks.Http;
using Dating.BuildingBlocks.Sessions;
using Dating.Photos.Library;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

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
        HttpRequest request, ClaimsPrincipal user, PhotoUploads uploads, CancellationToken ct)
    {
        var userId = user.GetUserId();
        if (MultipartUpload.BoundaryOf(request) is not { } boundary)
        {
            return Problems.BadRequest("Send the photo as multipart/form-data with a `file` field.");
        }

        // Spares streaming a photo that cannot be kept.
        if (!await uploads.HasRoomAsync(userId, ct))
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

        return await uploads.KeepAsync(userId, upload.Format, upload.Content, ct) switch
        {
            UploadOutcome.Kept kept => TypedResults.Accepted($"/api/photos/{kept.PhotoId}", new UploadResponse(kept.PhotoId, PhotoStatus.Processing)),
            UploadOutcome.ClientFault client => ClientFault(client.Fault),
            _ => TooManyPhotos(),
        };
    }

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
}
