using System.Security.Claims;
using Dating.BuildingBlocks.Http;
using Dating.BuildingBlocks.Sessions;
using Dating.Photos.Data;
using Dating.Photos.Library;
using Dating.Photos.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Dating.Photos.Gallery;

internal static class PhotoReadingEndpoints
{
    public static RouteGroupBuilder MapPhotoReadingEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/me", GetMine)
            .WithName("GetMyPhotos")
            .WithSummary("The caller's photos in order, in every state, with signed URLs for the ready ones.");

        group.MapGet("/{photoId:guid}", GetPhoto)
            .WithName("GetPhoto")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A ready photo of anyone, with short-lived signed URLs; the owner also sees it while it is processing or failed.");

        group.MapGet("/{photoId:guid}/image", RedirectToImage)
            .WithName("GetPhotoImage")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A stable link to a ready photo: redirects (302) to a fresh signed URL of the image.");

        group.MapGet("/{photoId:guid}/thumbnail", RedirectToThumbnail)
            .WithName("GetPhotoThumbnail")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A stable link to a ready photo: redirects (302) to a fresh signed URL of its thumbnail.");

        return group;
    }

    public static async Task<Ok<List<MyPhotoResponse>>> GetMine(ClaimsPrincipal user, PhotosDbContext db, PhotoLinks links, CancellationToken ct)
    {
        var userId = user.GetUserId();
        var photos = await db.Photos.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(ct);
        return TypedResults.Ok(links.Mine(photos));
    }

    public static async Task<Results<Ok<PhotoResponse>, ProblemHttpResult>> GetPhoto(
        Guid photoId, ClaimsPrincipal user, PhotosDbContext db, PhotoLinks links, CancellationToken ct)
    {
        var photo = await FindVisibleAsync(db, photoId, user.GetUserId(), ct);
        return photo is null ? Problems.NotFound("No such photo.") : TypedResults.Ok(links.Public(photo));
    }

    public static Task<Results<RedirectHttpResult, ProblemHttpResult>> RedirectToImage(
        Guid photoId, PhotosDbContext db, PhotoLinks links, HttpResponse response, CancellationToken ct) =>
        RedirectAsync(photoId, PhotoVariant.Image, db, links, response, ct);

    public static Task<Results<RedirectHttpResult, ProblemHttpResult>> RedirectToThumbnail(
        Guid photoId, PhotosDbContext db, PhotoLinks links, HttpResponse response, CancellationToken ct) =>
        RedirectAsync(photoId, PhotoVariant.Thumbnail, db, links, response, ct);

    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> RedirectAsync(
        Guid photoId, PhotoVariant variant, PhotosDbContext db, PhotoLinks links, HttpResponse response, CancellationToken ct)
    {
        var photo = await db.Photos.AsNoTracking().SingleOrDefaultAsync(p => p.Id == photoId && p.Status == PhotoStatus.Ready, ct);
        if (photo is null)
        {
            return Problems.NotFound("No such photo.");
        }

        // The signed URL outlives this redirect; a client may reuse the answer for a while, never past the URL's expiry.
        response.Headers.CacheControl = "private, max-age=300";
        return TypedResults.Redirect(links.Url(photo, variant)!.AbsoluteUri);
    }

    // Anyone's ready photo; the owner's own in any state; nobody else's unfinished or failed one.
    private static Task<Photo?> FindVisibleAsync(PhotosDbContext db, Guid photoId, Guid callerId, CancellationToken ct) =>
        db.Photos.AsNoTracking().SingleOrDefaultAsync(p => p.Id == photoId && (p.Status == PhotoStatus.Ready || p.UserId == callerId), ct);
}
