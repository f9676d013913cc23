using System.Security.Claims;
using System.Text.Encodings.Web;
using Dating.BuildingBlocks.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Dating.BuildingBlocks.Sessions;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;token&gt;</c> (or <c>?access_token=</c> on SignalR hubs) against the session store.
/// No token or a dead one: 401. The store unreachable: 503, never an anonymous pass. Behind the gateway, a session the
/// gateway has just checked and signed for this token is trusted without asking the store again (<see cref="ForwardedSession"/>).
/// </summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ISessionStore sessions,
    ForwardedSession forwarded)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";
    private const string HubsPath = "/hubs";
    private static readonly object StoreUnavailable = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken();
        if (string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }

        if (forwarded.Verify(Request.Headers[ForwardedSession.HeaderName], token) is { } vouched)
        {
            return Authenticated(vouched, token);
        }

        SessionInfo? session;
        try
        {
            session = await sessions.ValidateAsync(token, Context.RequestAborted);
        }
        catch (Exception exception) when (exception is RedisException or RedisTimeoutException)
        {
            Logger.LogWarning(exception, "The session store is unreachable; the request is refused.");
            Context.Items[StoreUnavailable] = true;
            return AuthenticateResult.Fail("The session store is unavailable.");
        }

        if (session is null)
        {
            return AuthenticateResult.Fail("The session is unknown, expired or revoked.");
        }

        Context.Features.Set(new CheckedSession(session, token));
        return Authenticated(session, token);
    }

    private AuthenticateResult Authenticated(SessionInfo session, string token)
    {
        var userId = session.UserId.ToString();
        var identity = new ClaimsIdentity(
            [new Claim(SessionClaimTypes.Subject, userId), new Claim(ClaimTypes.NameIdentifier, userId)],
            Scheme.Name,
            SessionClaimTypes.Subject,
            ClaimTypes.Role);
        var properties = new AuthenticationProperties { ExpiresUtc = session.ExpiresAt };
        properties.StoreTokens([new AuthenticationToken { Name = SessionAuthenticationDefaults.TokenName, Value = token }]);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), properties, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(StoreUnavailable))
        {
            return Problems.Unavailable(Response, "Sessions cannot be checked right now. Try again shortly.").ExecuteAsync(Context);
        }

        Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Of(StatusCodes.Status401Unauthorized, "Unauthorized", "A valid session token is required.").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Of(StatusCodes.Status403Forbidden, "Forbidden", "This session may not do that.").ExecuteAsync(Context);

    private string? ReadToken()
    {
        string? authorization = Request.Headers.Authorization;
        if (authorization is not null && authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return authorization[BearerPrefix.Length..].Trim();
        }

        // Browsers cannot set headers on WebSocket requests, so SignalR sends the token in the query string.
        return Request.Path.StartsWithSegments(HubsPath) ? Request.Query[SessionAuthenticationDefaults.TokenName].ToString() : null;
    }
}
