using System.Security.Claims;
using Dating.BuildingBlocks.Http;
using Dating.BuildingBlocks.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

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
        ReorderRequest request, ClaimsPrincipal user, PhotoOrdering ordering, CancellationToken ct)
    {
        var ids = request.PhotoIds ?? [];
        if (ids.Count == 0 || ids.Distinct().Count() != ids.Count)
        {
            return InvalidOrder("List each of your photo ids exactly once.");
        }

        return await ordering.ReorderAsync(user.GetUserId(), ids, ct) is { } photos
            ? TypedResults.Ok(photos)
            : InvalidOrder("The ids must be exactly the ids of your photos.");
    }

    private static ValidationProblem InvalidOrder(string message) => Problems.Invalid("photoIds", message);
}
