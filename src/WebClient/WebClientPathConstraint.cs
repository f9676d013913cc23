using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dating.WebClient;

/// <summary>Matches only the client's paths: never the API, the hub, the docs or the operations endpoints.</summary>
internal sealed class WebClientPathConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        var path = values.TryGetValue(routeKey, out var value) ? value as string ?? string.Empty : string.Empty;
        var firstSegment = path.Split('/', 2)[0];
        return !WebClientPaths.Reserved.Contains(firstSegment);
    }
}
