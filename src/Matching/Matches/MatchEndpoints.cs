using System.Security.Claims;
using Dating.BuildingBlocks.Http;
using Dating.BuildingBlocks.Sessions;
using Dating.Matching.Candidates;
using Dating.Matching.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Matches;

internal static class MatchEndpoints
{
    public static RouteGroupBuilder MapMatchEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/matches", GetMatches)
            .WithName("GetMatches")
            .WithSummary("The caller's active matches, newest first.");

        group.MapDelete("/matches/{matchId:guid}", Unmatch)
            .WithName("Unmatch")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("End a match (either party); its conversation closes.");
        return group;
    }

    public static async Task<Ok<IReadOnlyList<MatchResponse>>> GetMatches(ClaimsPrincipal user, MatchStore store, MatchingDbContext db, CancellationToken ct)
    {
        var me = user.GetUserId();
        var matches = (await store.ActiveOfAsync(me, ct)).Select(m => new { m.Id, Other = m.Other(me), m.CreatedAt }).ToList();
        var others = matches.Select(m => m.Other).ToList();
        var names = await db.Candidates.AsNoTracking()
            .Where(c => others.Contains(c.UserId))
            .ToDictionaryAsync(c => c.UserId, c => c.DisplayName, ct);
        var photos = await db.PrimaryPhotos.AsNoTracking()
            .Where(p => others.Contains(p.UserId))
            .ToDictionaryAsync(p => p.UserId, p => p.PhotoId, ct);

        return TypedResults.Ok<IReadOnlyList<MatchResponse>>([
            .. matches
                .Where(m => names.ContainsKey(m.Other))
                .OrderByDescending(m => m.CreatedAt)
                .Select(m => new MatchResponse(m.Id, m.Other, names[m.Other], PhotoUrls.Thumbnail(photos.GetValueOrDefault(m.Other)), m.CreatedAt)),
        ]);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Unmatch(
        Guid matchId, ClaimsPrincipal user, Unmatching unmatching, CancellationToken ct) =>
        await unmatching.UnmatchAsync(user.GetUserId(), matchId, ct) ? TypedResults.NoContent() : Problems.NotFound("No such match.");
}
