using Scalar.AspNetCore;

namespace Dating.Monolith.Docs;

/// <summary>
/// The same documents and docs page as the gateway: <c>/openapi/&lt;module&gt;/v1.json</c> (one per module,
/// by route prefix) and <c>/docs</c>; <c>/openapi/v1.json</c> (every route) comes with the service defaults.
/// </summary>
internal static class ApiDocs
{
    private static readonly Dictionary<string, string[]> RoutesByModule = new()
    {
        ["profiles"] = ["api/auth", "api/profiles"],
        ["photos"] = ["api/photos"],
        ["matching"] = ["api/matching"],
        ["chat"] = ["api/chat"],
    };

    public static IHostApplicationBuilder AddModuleApiDocuments(this IHostApplicationBuilder builder)
    {
        foreach (var (module, prefixes) in RoutesByModule)
        {
            builder.Services.AddOpenApi(module, options => options.ShouldInclude = description =>
                description.RelativePath is { } path && prefixes.Any(prefix => IsUnder(path, prefix)));
        }

        return builder;
    }

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}/v1.json").AllowAnonymous();
        app.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("Dating API");
            foreach (var module in RoutesByModule.Keys)
            {
                options.AddDocument(module, char.ToUpperInvariant(module[0]) + module[1..], $"/openapi/{module}/v1.json");
            }
        }).AllowAnonymous();
        return app;
    }

    private static bool IsUnder(string path, string prefix) =>
        path.Equals(prefix, StringComparison.OrdinalIgnoreCase)
        || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase);
}
