using Dating.BuildingBlocks.Http;
using Dating.BuildingBlocks.Messaging;
using Dating.BuildingBlocks.Sessions;
using Dating.Profiles.Data;
using Dating.Profiles.IntegrationEvents;
using Dating.Profiles.ProfileManagement;
using Dating.Profiles.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dating.Profiles.Accounts;

internal static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/register", Register)
            .AllowAnonymous()
            .WithName("Register")
            .WithSummary("Create an account with its profile and sign in.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        return group;
    }

    public static async Task<Results<Created<SessionResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterRequest request,
        ProfilesDbContext db,
        PasswordVerifier passwords,
        ISessionStore sessions,
        TimeProvider time,
        CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (RegisterValidator.Validate(request, time.Today(), errors) is not { } input)
        {
            return errors.ToProblem();
        }

        if (await db.Accounts.AnyAsync(a => a.Email == input.Email, ct))
        {
            return EmailTaken();
        }

        var now = time.GetUtcNow();
        var account = new Account { Id = Guid.CreateVersion7(now), Email = input.Email, PasswordHash = "", CreatedAt = now };
        account.PasswordHash = passwords.Hash(account, input.Password);
        account.Profile = new Profile
        {
            UserId = account.Id,
            DisplayName = input.Details.DisplayName,
            BirthDate = input.BirthDate,
            CreatedAt = now,
            UpdatedAt = now,
        };
        input.Details.ApplyTo(account.Profile);

        db.Accounts.Add(account);
        db.AddIntegrationEvent(ProfileEvents.Created(account.Profile, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Lost a race with a concurrent registration of the same e-mail.
            return EmailTaken();
        }

        var session = await sessions.CreateAsync(account.Id, ct);
        return TypedResults.Created(
            $"/api/profiles/{account.Id}",
            new SessionResponse(account.Id, session.Token, session.ExpiresAt));
    }

    private static ProblemHttpResult EmailTaken() => Problems.Of(
        StatusCodes.Status409Conflict,
        "E-mail taken",
        "An account with this e-mail address already exists.");
}
