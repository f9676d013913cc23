using Dating.BuildingBlocks.Modules;
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
            foreach (var module in ModuleCatalog.All)
            {
                options.AddDocument(module.Name, module.Title, $"/openapi/{module.Name}/v1.json");
            }
        }).AllowAnonymous();
}
