using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

// The cross-cutting defaults every host of the system shares, in the shape of .NET Aspire's ServiceDefaults.
public static class Extensions
{
    private const string UsedKey = "Dating.ServiceDefaults.Used";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddRequestIds();
        builder.AddProblemDetailsDefaults();
        builder.AddRequestLimits();
        builder.AddJsonDefaults();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
            http.AddRequestIdPropagation();
        });

        builder.Services.AddOpenApi();

        return builder;
    }

    /// <summary>
    /// The shared middleware, first in every host's pipeline: request ids and the replica's name on every response,
    /// problem details for exceptions and bare status codes, request body limits, then routing. Everything after it
    /// (authentication and authorization included, which a host calls itself) is wrapped, so even a 401, a 404 or a
    /// crash in a middleware gets a request id and problem details.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<ServiceInstanceMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseRouting();
        ((IApplicationBuilder)app).Properties[UsedKey] = true;
        return app;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Without it, routing, authentication and authorization would run before the request id and the problem details.
        if (!((IApplicationBuilder)app).Properties.ContainsKey(UsedKey))
        {
            throw new InvalidOperationException("Call app.UseServiceDefaults() first in the pipeline, before MapDefaultEndpoints().");
        }

        app.UseMiddleware<BadRequestProblemMiddleware>();
        app.MapHealthEndpoints();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();

        return app;
    }
}
