using System.Security.Claims;
using Dating.BuildingBlocks.Http;
using Dating.BuildingBlocks.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Dating.Matching.Swipes;

internal static class SwipeEndpoints
{
    public static RouteGroupBuilder MapSwipeEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/swipes", Swipe)
            .WithName("Swipe")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Like or pass on a user; a mutual like creates the pair's one match. Repeating a swipe is harmless.");
        return group;
    }

    public static async Task<Results<Ok<SwipeResponse>, ValidationProblem, ProblemHttpResult>> Swipe(
        SwipeRequest request, ClaimsPrincipal user, Matchmaker matchmaker, CancellationToken ct)
    {
        if (request.TargetUserId is not { } targetId || targetId == Guid.Empty)
        {
            return Problems.Invalid("targetUserId", "A user id is required.");
        }

        SwipeDecision? decision = request.Decision switch
        {
            "like" => SwipeDecision.Like,
            "pass" => SwipeDecision.Pass,
            _ => null,
        };
        if (decision is null)
        {
            return Problems.Invalid("decision", "Must be \"like\" or \"pass\".");
        }

        var userId = user.GetUserId();
        if (targetId == userId)
        {
            return Problems.Invalid("targetUserId", "You cannot swipe yourself.");
        }

        var result = await matchmaker.SwipeAsync(userId, targetId, decision.Value, ct);
        return result is null ? Problems.NotFound("No such user.") : TypedResults.Ok(result);
    }
}
