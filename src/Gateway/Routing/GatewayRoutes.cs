using Dating.BuildingBlocks.Modules;
using Yarp.ReverseProxy.Configuration;

namespace Dating.Gateway.Routing;

// The public route table of shared/API.md: each module's path prefixes to its service.
public static class GatewayRoutes
{
    public const string Anonymous = "anonymous";
    public const string AuthenticatedUser = "default";

    public static IReadOnlyList<RouteConfig> Build(GatewayOptions options) =>
    [
        Api("auth-register", ModuleCatalog.Profiles, "/api/auth/register") with
        {
            Match = new RouteMatch { Path = "/api/auth/register", Methods = ["POST"] },
            AuthorizationPolicy = Anonymous,
        },
        Api("auth-login", ModuleCatalog.Profiles, "/api/auth/login") with
        {
            Match = new RouteMatch { Path = "/api/auth/login", Methods = ["POST"] },
            AuthorizationPolicy = Anonymous,
        },
        .. ModuleCatalog.All.SelectMany(module => module.RoutePrefixes.Select(prefix =>
            Api(RouteIdOf(prefix), module, $"{prefix}/{{**rest}}") with
            {
                MaxRequestBodySize = module == ModuleCatalog.Photos ? options.PhotoUploadMaxBodyBytes : null,
            })),
        .. ModuleCatalog.All.Select(OpenApiDocument),
    ];

    private static RouteConfig Api(string routeId, ModuleEntry module, string path) => new()
    {
        RouteId = routeId,
        ClusterId = module.Name,
        Match = new RouteMatch { Path = path },
        AuthorizationPolicy = AuthenticatedUser,
    };

    // /api/photos is the route "photos", /hubs/chat the route "chat-hub".
    private static string RouteIdOf(string prefix) =>
        prefix.StartsWith("/hubs/", StringComparison.Ordinal) ? $"{prefix["/hubs/".Length..]}-hub" : prefix[(prefix.LastIndexOf('/') + 1)..];

    // /openapi/profiles/v1.json is the profiles service's /openapi/v1.json. The original Host goes along
    // so the document names the gateway, not the replica, as its server.
    private static RouteConfig OpenApiDocument(ModuleEntry module) => new()
    {
        RouteId = $"{module.Name}-openapi",
        ClusterId = module.Name,
        Match = new RouteMatch { Path = $"/openapi/{module.Name}/v1.json", Methods = ["GET", "HEAD"] },
        AuthorizationPolicy = Anonymous,
        Transforms =
        [
            new Dictionary<string, string> { ["PathSet"] = "/openapi/v1.json" },
            new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" },
        ],
    };
}
