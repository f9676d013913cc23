using Microsoft.Extensions.Configuration;
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

    /// <summary>
    /// Attribute combinations kept per metric stream (<c>Telemetry:CardinalityLimit</c>). OpenTelemetry allocates a stream's
    /// points up front, up to the limit: with its default of 2,000, 144 KB per stream on the large object heap, and a
    /// service has about 90 streams per exporter (184 arrays, 26.5 MB of a 46 MB heap, in profiles under the app host
    /// with Prometheus and OTLP). Most of those pages are never written, so little of it is resident: the benchmark
    /// measured 12 MB less over the five processes at rest (compare variant otel-2000, logbook run 17). Our attributes
    /// are routes, status codes, methods and queue names, a few hundred combinations in the monolith at most; past the
    /// limit a stream still counts every measurement, in one point tagged <c>otel.metric.overflow="true"</c>.
    /// </summary>
    public const int DefaultCardinalityLimit = 500;

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

        var cardinalityLimit = builder.Configuration.GetValue("Telemetry:CardinalityLimit", DefaultCardinalityLimit);
        if (cardinalityLimit < 1)
        {
            throw new InvalidOperationException($"Telemetry:CardinalityLimit must be at least 1; it is {cardinalityLimit}.");
        }

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
                .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = cardinalityLimit })
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
