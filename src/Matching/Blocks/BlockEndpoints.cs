using System.Security.Claims;
using Dating.BuildingBlocks.Http;
using Dating.BuildingBlocks.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Dating.Matching.Blocks;

internal static class BlockEndpoints
{
    public static RouteGroupBuilder MapBlockEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/blocks", Block)
            .WithName("BlockUser")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Block a user: neither sees the other again anywhere, and any match between them ends.");
        return group;
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Block(
        BlockRequest request, ClaimsPrincipal user, Blocker blocker, CancellationToken ct)
    {
        if (request.UserId is not { } blockedId || blockedId == Guid.Empty)
        {
            return Problems.Invalid("userId", "A user id is required.");
        }

        var userId = user.GetUserId();
        if (blockedId == userId)
        {
            return Problems.Invalid("userId", "You cannot block yourself.");
        }

        return await blocker.BlockAsync(userId, blockedId, ct) ? TypedResults.NoContent() : Problems.NotFound("No such user.");
    }
}
