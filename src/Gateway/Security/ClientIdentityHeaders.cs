namespace Dating.Gateway.Security;

// A client never speaks for a user through a header: anything that looks like an identity header is dropped before
// the request is authenticated. Only the session token identifies the caller; the session the gateway checked is then
// forwarded in a header of its own, signed (ForwardedSession).
internal static class ClientIdentityHeaders
{
    private static readonly string[] Prefixes = ["X-User", "X-Authenticated", "X-Remote-User", "X-Forwarded-User", "X-Auth-User"];

    public static IApplicationBuilder UseClientIdentityHeaderStripping(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Request.Headers;
            foreach (var name in headers.Keys.Where(IsIdentityHeader).ToList())
            {
                headers.Remove(name);
            }

            return next(context);
        });

    public static bool IsIdentityHeader(string name) =>
        Prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
