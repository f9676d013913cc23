using Dating.BuildingBlocks.Modules;
using Scalar.AspNetCore;

namespace Dating.Monolith.Docs;

/// <summary>
/// The same documents and docs page as the gateway: <c>/openapi/&lt;module&gt;/v1.json</c> (one per module,
/// by route prefix) and <c>/docs</c>; <c>/openapi/v1.json</c> (every route) comes with the service defaults.
/// </summary>
internal static class ApiDocs
{
    public static IHostApplicationBuilder AddModuleApiDocuments(this IHostApplicationBuilder builder)
    {
        foreach (var module in ModuleCatalog.All)
        {
            builder.Services.AddOpenApi(module.Name, options => options.ShouldInclude = description =>
                description.RelativePath is { } path && module.RoutePrefixes.Any(prefix => IsUnder(path, prefix.TrimStart('/'))));
        }

        return builder;
    }

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}/v1.json").AllowAnonymous();
        app.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("Dating API");
            foreach (var module in ModuleCatalog.All)
            {
                options.AddDocument(module.Name, module.Title, $"/openapi/{module.Name}/v1.json");
            }
        }).AllowAnonymous();
        return app;
    }

    private static bool IsUnder(string path, string prefix) =>
        path.Equals(prefix, StringComparison.OrdinalIgnoreCase)
        || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase);
}
