using Dating.Gateway.Routing;
using Scalar.AspNetCore;

namespace Dating.Gateway.Docs;

// One docs page at /docs over every service's OpenAPI document, each fetched through the gateway
// at /openapi/<service>/v1.json.
public static class ApiDocs
{
    public static IEndpointConventionBuilder MapApiDocs(this IEndpointRouteBuilder app) =>
        app.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("Dating API");
            foreach (var service in BackendServices.All)
            {
                options.AddDocument(service, Title(service), $"/openapi/{service}/v1.json");
            }
        }).AllowAnonymous();

    private static string Title(string service) => char.ToUpperInvariant(service[0]) + service[1..];
}
