using Dating.BuildingBlocks.Sessions;

namespace Dating.Gateway.LoadBalancing;

// What a request is placed by: the user of its validated session (never anything else the client says),
// or, for an anonymous request, the client address.
internal static class AffinityKey
{
    public static string Of(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true }
            ? context.User.GetUserId().ToString()
            : context.Connection.RemoteIpAddress?.ToString() ?? string.Empty;
}
