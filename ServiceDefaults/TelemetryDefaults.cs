using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static class TelemetryDefaults
{
    // Sources and meters of the libraries the modules use, so their spans and metrics show up too.
    private static readonly string[] LibrarySources = ["MassTransit", "Npgsql"];

    // The modules' own meters (Dating.Matching, ...): a module creates one and it is exported, nothing to register.
    private const string ModuleMeters = "Dating.*";

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name
            ? name
            : builder.Environment.ApplicationName;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // The replica's name from the AppHost (service.instance.id), so metrics, traces and X-Instance-Id agree.
                var instanceId = ServiceInstance.IdFrom(builder.Configuration);
                resource.AddService(serviceName, serviceInstanceId: instanceId, autoGenerateServiceInstanceId: instanceId is null);
            })
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(LibrarySources)
                .AddMeter(ModuleMeters)
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(LibrarySources)
                .AddAspNetCoreInstrumentation(aspNetCore =>
                    aspNetCore.Filter = context => !IsOperationsPath(context.Request.Path))
                // The gateway's health probes of every replica (spares that are not started included) would bury the real calls.
                .AddHttpClientInstrumentation(http =>
                    http.FilterHttpRequestMessage = request => request.RequestUri is null || !IsOperationsPath(request.RequestUri.AbsolutePath))
                // Every Redis command as a span, from the multiplexer the process registers (sessions, caches, queues).
                .AddRedisInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    // Health probes and scrapes would drown the real traffic in traces.
    private static bool IsOperationsPath(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/alive") || path.StartsWithSegments("/metrics");
}
