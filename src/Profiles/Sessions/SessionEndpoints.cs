using System.Security.Claims;
using Dating.BuildingBlocks.Http;
using Dating.BuildingBlocks.Sessions;
using Dating.Profiles.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Dating.Profiles.Sessions;

internal static class SessionEndpoints
{
    public static RouteGroupBuilder MapSessionEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/login", Login)
            .AllowAnonymous()
            .WithName("Login")
            .WithSummary("Sign in with e-mail and password; returns a new session token.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapPost("/logout", Logout)
            .WithName("Logout")
            .WithSummary("End this session; its token stops working on every service at once.");

        group.MapGet("/session", GetSession)
            .WithName("GetSession")
            .WithSummary("The signed-in user and when the session expires if unused.");

        return group;
    }

    public static async Task<Results<Ok<SessionResponse>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext http, LoginRateLimiter rateLimiter, SignIn signIn, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Email) || request.Email.Length > EmailAddress.MaxLength)
        {
            errors.Add("email", "The e-mail address is required.");
        }

        if (string.IsNullOrEmpty(request.Password) || request.Password.Length > PasswordRules.MaxLength)
        {
            errors.Add("password", "The password is required.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var email = EmailAddress.Normalize(request.Email!);
        if (await rateLimiter.TryAcquireAsync(email, ClientAddress.Of(http)) is { } wait)
        {
            return Problems.TooManyRequests(http.Response, wait, "Too many sign-in attempts. Try again later.");
        }

        // One answer for an unknown e-mail and a wrong password.
        return await signIn.SignInAsync(email, request.Password!, ct) is { } session
            ? TypedResults.Ok(session)
            : Problems.Of(StatusCodes.Status401Unauthorized, "Invalid credentials", "The e-mail address or the password is wrong.");
    }

    public static async Task<NoContent> Logout(HttpContext http, ISessionStore sessions, CancellationToken ct)
    {
        if (await http.GetTokenAsync(SessionAuthenticationDefaults.TokenName) is { } token)
        {
            await sessions.RevokeAsync(token, ct);
        }

        return TypedResults.NoContent();
    }

    public static async Task<Ok<CurrentSessionResponse>> GetSession(ClaimsPrincipal user, HttpContext http)
    {
        // The handler's result is cached for the request: no second look-up in Redis.
        var authentication = await http.AuthenticateAsync();
        var expiresAt = authentication.Properties?.ExpiresUtc
            ?? throw new InvalidOperationException("The session has no expiry.");
        return TypedResults.Ok(new CurrentSessionResponse(user.GetUserId(), expiresAt));
    }
}
