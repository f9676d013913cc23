using Yarp.ReverseProxy.Configuration;

namespace Dating.Gateway.Routing;

// The public route table of shared/API.md: path prefix to service.
public static class GatewayRoutes
{
    public const string Anonymous = "anonymous";
    public const string AuthenticatedUser = "default";

    public static IReadOnlyList<RouteConfig> Build(GatewayOptions options) =>
    [
        Api("auth-register", BackendServices.Profiles, "/api/auth/register") with
        {
            Match = new RouteMatch { Path = "/api/auth/register", Methods = ["POST"] },
            AuthorizationPolicy = Anonymous,
        },
        Api("auth-login", BackendServices.Profiles, "/api/auth/login") with
        {
            Match = new RouteMatch { Path = "/api/auth/login", Methods = ["POST"] },
            AuthorizationPolicy = Anonymous,
        },
        Api("auth", BackendServices.Profiles, "/api/auth/{**rest}"),
        Api("profiles", BackendServices.Profiles, "/api/profiles/{**rest}"),
        Api("photos", BackendServices.Photos, "/api/photos/{**rest}") with { MaxRequestBodySize = options.PhotoUploadMaxBodyBytes },
        Api("matching", BackendServices.Matching, "/api/matching/{**rest}"),
        Api("chat", BackendServices.Chat, "/api/chat/{**rest}"),
        Api("chat-hub", BackendServices.Chat, "/hubs/chat/{**rest}"),
        .. BackendServices.All.Select(OpenApiDocument),
    ];

    private static RouteConfig Api(string routeId, string cluster, string path) => new()
    {
        RouteId = routeId,
        ClusterId = cluster,
        Match = new RouteMatch { Path = path },
        AuthorizationPolicy = AuthenticatedUser,
    };

    // /openapi/profiles/v1.json is the profiles service's /openapi/v1.json. The original Host goes along
    // so the document names the gateway, not the replica, as its server.
    private static RouteConfig OpenApiDocument(string service) => new()
    {
        RouteId = $"{service}-openapi",
        ClusterId = service,
        Match = new RouteMatch { Path = $"/openapi/{service}/v1.json", Methods = ["GET", "HEAD"] },
        AuthorizationPolicy = Anonymous,
        Transforms =
        [
            new Dictionary<string, string> { ["PathSet"] = "/openapi/v1.json" },
            new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" },
        ],
    };
}
