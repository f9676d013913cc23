using System.Security.Claims;
using Dating.BuildingBlocks.Messaging;
using Dating.BuildingBlocks.Sessions;
using Dating.Profiles.Data;
using Dating.Profiles.IntegrationEvents;
using Dating.Profiles.Validation;
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
            .WithSummary("Anyone's public profile: no e-mail, birth date or location.");

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
        UpdateProfileRequest request,
        ClaimsPrincipal user,
        ProfilesDbContext db,
        PublicProfileCache cache,
        TimeProvider time,
        CancellationToken ct)
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

        var userId = user.GetUserId();
        var account = await db.Accounts.Include(a => a.Profile).SingleOrDefaultAsync(a => a.Id == userId, ct);
        if (account is null)
        {
            return ProfileNotFound();
        }

        var now = time.GetUtcNow();
        details.ApplyTo(account.Profile);
        account.Profile.UpdatedAt = now;
        db.AddIntegrationEvent(ProfileEvents.Updated(account.Profile, now));
        await db.SaveChangesAsync(ct);
        await cache.InvalidateAsync(userId);

        return TypedResults.Ok(OwnProfileResponse.From(account, time.Today()));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteMine(
        ClaimsPrincipal user,
        ProfilesDbContext db,
        PublicProfileCache cache,
        ISessionStore sessions,
        TimeProvider time,
        CancellationToken ct)
    {
        var userId = user.GetUserId();
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == userId, ct);
        if (account is null)
        {
            return ProfileNotFound();
        }

        // The profile row goes with the account (ON DELETE CASCADE).
        db.Accounts.Remove(account);
        db.AddIntegrationEvent(ProfileEvents.Deleted(userId, time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A concurrent delete won.
            return ProfileNotFound();
        }

        await sessions.RevokeAllAsync(userId, ct);
        await cache.InvalidateAsync(userId);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<PublicProfileResponse>, ProblemHttpResult>> GetPublic(
        Guid userId, ProfilesDbContext db, PublicProfileCache cache, TimeProvider time, CancellationToken ct)
    {
        var snapshot = await cache.GetOrLoadAsync(
            userId,
            token => db.Profiles.AsNoTracking()
                .Where(p => p.UserId == userId)
                .Select(p => new PublicProfileSnapshot(p.UserId, p.DisplayName, p.BirthDate, p.Bio, p.Gender, p.Interests))
                .SingleOrDefaultAsync(token),
            ct);
        return snapshot is null ? ProfileNotFound() : TypedResults.Ok(PublicProfileResponse.From(snapshot, time.Today()));
    }

    private static ProblemHttpResult ProfileNotFound() => TypedResults.Problem(
        "No such profile.",
        statusCode: StatusCodes.Status404NotFound,
        title: "Not found");
}
