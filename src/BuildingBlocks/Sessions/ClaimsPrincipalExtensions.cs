using System.Security.Claims;

namespace Dating.BuildingBlocks.Sessions;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The user of the validated session; never taken from anything the client sent besides the token.</summary>
    public static Guid GetUserId(this ClaimsPrincipal user)
    {
        var value = user.FindFirstValue(SessionClaimTypes.Subject) ?? user.FindFirstValue(ClaimTypes.NameIdentifier);
        return Guid.TryParse(value, out var userId)
            ? userId
            : throw new InvalidOperationException("The request has no authenticated session.");
    }
}
