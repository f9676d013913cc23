using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

// The cross-cutting defaults every host of the system shares, in the shape of .NET Aspire's ServiceDefaults.
public static class Extensions
{
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

        // Request ids, problem details and body limits must wrap everything, authentication included,
        // so they go in front of the pipeline the host builds.
        builder.Services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, ServiceDefaultsStartupFilter>());

        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseMiddleware<BadRequestProblemMiddleware>();
        app.MapHealthEndpoints();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();

        return app;
    }
}
