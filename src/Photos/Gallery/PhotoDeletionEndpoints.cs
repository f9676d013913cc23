using System.Security.Claims;
using Dating.BuildingBlocks.Http;
using Dating.BuildingBlocks.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

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
        Guid photoId, ClaimsPrincipal user, PhotoDeletion deletion, CancellationToken ct) =>
        await deletion.DeleteAsync(user.GetUserId(), photoId, ct) ? TypedResults.NoContent() : Problems.NotFound("No such photo.");
}
