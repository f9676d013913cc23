using System.Security.Claims;
using Dating.BuildingBlocks.Http;
using Dating.BuildingBlocks.Sessions;
using Dating.Profiles.Blocks;
using Dating.Profiles.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Dating.Profiles.ProfileManagement;

internal static class ProfileEndpoints
{
    public static RouteGroupBuilder MapProfileEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/me", GetMine)
            .WithName("GetMyProfile")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The caller's full profile, with e-mail, birth date and location.");

        group.MapPut("/me", UpdateMine)
            .WithName("UpdateMyProfile")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Replace the caller's editable profile fields.");

        group.MapDelete("/me", DeleteMine)
            .WithName("DeleteMyAccount")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Delete the caller's account and profile and end all of its sessions.");

        group.MapGet("/{userId:guid}", GetPublic)
            .WithName("GetPublicProfile")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Anyone's public profile (no e-mail, birth date or location); 404 when either user blocked the other.");

        return group;
    }

    public static async Task<Results<Ok<OwnProfileResponse>, ProblemHttpResult>> GetMine(
        ClaimsPrincipal user, ProfilesDbContext db, TimeProvider time, CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().Include(a => a.Profile)
            .SingleOrDefaultAsync(a => a.Id == user.GetUserId(), ct);
        return account is null ? ProfileNotFound() : TypedResults.Ok(OwnProfileResponse.From(account, time.Today()));
    }

    public static async Task<Results<Ok<OwnProfileResponse>, ValidationProblem, ProblemHttpResult>> UpdateMine(
        UpdateProfileRequest request, ClaimsPrincipal user, ProfileUpdate update, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var details = ProfileRules.Validate(
            errors,
            request.DisplayName,
            request.Bio,
            request.Gender,
            request.InterestedIn,
            request.AgeRange,
            request.MaxDistanceKm,
            request.Location,
            request.Interests);
        if (details is null)
        {
            return errors.ToProblem();
        }

        return await update.UpdateAsync(user.GetUserId(), details, ct) is { } profile ? TypedResults.Ok(profile) : ProfileNotFound();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteMine(
        ClaimsPrincipal user, AccountDeletion deletion, CancellationToken ct) =>
        await deletion.DeleteAsync(user.GetUserId(), ct) ? TypedResults.NoContent() : ProfileNotFound();

    public static async Task<Results<Ok<PublicProfileResponse>, ProblemHttpResult>> GetPublic(
        Guid userId,
        ClaimsPrincipal user,
        BlockedUsers blocks,
        PublicProfiles profiles,
        TimeProvider time,
        CancellationToken ct)
    {
        // Per caller, outside the cached snapshot (which every caller shares); indistinguishable from an unknown user.
        if (await blocks.AnyBetweenAsync(user.GetUserId(), userId, ct))
        {
            return ProfileNotFound();
        }

        var snapshot = await profiles.GetAsync(userId, ct);
        return snapshot is null ? ProfileNotFound() : TypedResults.Ok(PublicProfileResponse.From(snapshot, time.Today()));
    }

    private static ProblemHttpResult ProfileNotFound() => Problems.NotFound("No such profile.");
}
