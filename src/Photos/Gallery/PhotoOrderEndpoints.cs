using System.Security.Claims;
using Dating.BuildingBlocks.Http;
using Dating.BuildingBlocks.Messaging;
using Dating.BuildingBlocks.Sessions;
using Dating.Contracts.Photos;
using Dating.Photos.Data;
using Dating.Photos.Library;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Dating.Photos.Gallery;

internal static class PhotoOrderEndpoints
{
    public static RouteGroupBuilder MapPhotoOrderEndpoints(this RouteGroupBuilder group)
    {
        group.MapPut("/me/order", Reorder)
            .WithName("ReorderMyPhotos")
            .ProducesValidationProblem()
            .WithSummary("Put the caller's photos in a new order (all of their ids, each once); the first is the primary photo.");
        return group;
    }

    public static async Task<Results<Ok<List<MyPhotoResponse>>, ValidationProblem>> Reorder(
        ReorderRequest request, ClaimsPrincipal user, PhotosDbContext db, PhotoLinks links, TimeProvider time, CancellationToken ct)
    {
        var ids = request.PhotoIds ?? [];
        if (ids.Count == 0 || ids.Distinct().Count() != ids.Count)
        {
            return InvalidOrder("List each of your photo ids exactly once.");
        }

        var userId = user.GetUserId();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.LockUserPhotosAsync(userId, ct);
            var photos = await db.Photos.Where(p => p.UserId == userId).ToListAsync(ct);
            if (photos.Count != ids.Count || !photos.All(p => ids.Contains(p.Id)))
            {
                return (Results<Ok<List<MyPhotoResponse>>, ValidationProblem>)InvalidOrder("The ids must be exactly the ids of your photos.");
            }

            var primaryBefore = PrimaryPhoto.Of(photos);
            var positions = ids.Select((id, position) => (id, position)).ToDictionary(p => p.id, p => p.position);
            foreach (var photo in photos)
            {
                photo.Position = positions[photo.Id];
            }

            var primaryAfter = PrimaryPhoto.Of(photos);
            if (primaryAfter != primaryBefore)
            {
                db.AddIntegrationEvent(new PrimaryPhotoChanged(userId, primaryAfter, time.GetUtcNow()));
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return TypedResults.Ok(links.Mine(photos));
        });
    }

    private static ValidationProblem InvalidOrder(string message) => Problems.Invalid("photoIds", message);
}
