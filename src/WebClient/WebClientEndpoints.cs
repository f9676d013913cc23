using Dating.WebClient;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Microsoft.AspNetCore.Builder;

public static class WebClientEndpoints
{
    /// <summary>
    /// Serves the web client (built into <c>webclient/</c> beside the host's assembly) to anyone, without a session:
    /// its files, and index.html for every other client path (the app routes in the browser). The API's own
    /// prefixes (<see cref="WebClientPaths.Reserved"/>) are never matched, so they keep their own answers and 404s.
    /// </summary>
    public static IEndpointConventionBuilder MapWebClient(this IEndpointRouteBuilder app, string? folder = null)
    {
        var files = new WebClientFiles(folder ?? Path.Combine(AppContext.BaseDirectory, WebClientFiles.FolderName));
        var pattern = RoutePatternFactory.Parse(
            "/{**path}",
            defaults: null,
            parameterPolicies: new RouteValueDictionary { ["path"] = new WebClientPathConstraint() });

        return app.Map(pattern, files.ServeAsync)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .WithDisplayName("Web client")
            .ExcludeFromDescription()
            .AllowAnonymous();
    }
}
