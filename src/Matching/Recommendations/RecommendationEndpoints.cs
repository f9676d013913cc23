using System.Security.Claims;
using Dating.BuildingBlocks.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Dating.Matching.Recommendations;

internal static class RecommendationEndpoints
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;

    public static RouteGroupBuilder MapRecommendationEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/recommendations", GetRecommendations)
            .WithName("GetRecommendations")
            .WithSummary($"The caller's next candidates, best first (limit defaults to {DefaultLimit}, at most {MaxLimit}).");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<RecommendationResponse>>> GetRecommendations(
        int? limit, ClaimsPrincipal user, Recommender recommender, TimeProvider time, CancellationToken ct)
    {
        var count = Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
        var candidates = await recommender.RecommendAsync(user.GetUserId(), count, ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return TypedResults.Ok<IReadOnlyList<RecommendationResponse>>([.. candidates.Select(c => RecommendationResponse.From(c, today))]);
    }
}
