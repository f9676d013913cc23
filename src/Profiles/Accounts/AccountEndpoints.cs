using Dating.BuildingBlocks.Http;
using Dating.Profiles.ProfileManagement;
using Dating.Profiles.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

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
        RegisterRequest request, Registration registration, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (RegisterValidator.Validate(request, time.Today(), errors) is not { } input)
        {
            return errors.ToProblem();
        }

        return await registration.RegisterAsync(input, ct) is { } session
            ? TypedResults.Created($"/api/profiles/{session.UserId}", session)
            : Problems.Of(StatusCodes.Status409Conflict, "E-mail taken", "An account with this e-mail address already exists.");
    }
}
