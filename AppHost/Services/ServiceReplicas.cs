using Dating.AppHost.Hosting;
using Dating.AppHost.Options;
using Dating.BuildingBlocks.Modules;

namespace Dating.AppHost.Services;

/// <summary>
/// The replicas of one service, each its own project resource with its own fixed port (<c>profiles-0</c>,
/// <c>profiles-1</c>, …), so the gateway sees every replica and reaches it directly: no proxy in the request path,
/// and consistent hashing keeps a user on one replica. Spare replicas are declared but not started: the dashboard's
/// Start command scales out with them, and the gateway's health checks take them in.
/// </summary>
public sealed class ServiceReplicas
{
    private ServiceReplicas(string name, IReadOnlyList<Replica> replicas)
    {
        Name = name;
        All = replicas;
    }

    /// <summary>The service's name: its queues' prefix, its telemetry's service.name, the gateway's cluster.</summary>
    public string Name { get; }

    public IReadOnlyList<Replica> All { get; }

    public IEnumerable<Replica> Running => All.Where(r => !r.Spare);

    /// <summary>
    /// One replica: <paramref name="Port"/> serves HTTP/1.1 (and the health checks, curl, tests),
    /// <paramref name="Http2Port"/> HTTP/2 without TLS for the gateway (Kestrel serves cleartext HTTP/2 only on a port of
    /// its own: <see cref="ServiceEndpoints.Http2"/>).
    /// </summary>
    public sealed record Replica(IResourceBuilder<ProjectResource> Resource, int Port, int Http2Port, bool Spare)
    {
        public string Url => Loopback(Port);

        public string Http2Url => Loopback(Http2Port);
    }

    /// <summary>A replica's HTTP/2 port in the dev stack: its HTTP/1.1 port plus this (profiles-0: 5110 and 5210).</summary>
    private const int Http2PortOffset = 100;

    public static ServiceReplicas Add<TProject>(IDistributedApplicationBuilder builder, string name, int basePort, int running, int spares, LocalPorts ports)
        where TProject : IProjectMetadata, new()
    {
        var replicas = new List<Replica>();
        for (var i = 0; i < running + spares; i++)
        {
            var port = ports.Take($"{name}-{i}", basePort + i);
            var http2Port = ports.Take($"{name}-{i} HTTP/2", basePort + Http2PortOffset + i);
            var resource = Project<TProject>(builder, $"{name}-{i}", name, $"{name}-{i}", port)
                .WithHttpEndpoint(port: http2Port, targetPort: http2Port, name: ServiceEndpoints.Http2, isProxied: false)
                .WithEndpoint(ServiceEndpoints.Http2, endpoint =>
                {
                    endpoint.TargetHost = "127.0.0.1";
                    endpoint.Transport = "http2";
                })
                // Kestrel binds what its configuration names, with the protocol of each: ASPNETCORE_URLS cannot say
                // HTTP/2, and Kestrel's endpoints, once configured, override it (with a warning), so Aspire sets none.
                .WithEndpointsInEnvironment(_ => false)
                .WithEnvironment(KestrelEndpoint(ServiceEndpoints.Http, "Url"), Loopback(port))
                .WithEnvironment(KestrelEndpoint(ServiceEndpoints.Http2, "Url"), Loopback(http2Port))
                .WithEnvironment(KestrelEndpoint(ServiceEndpoints.Http2, "Protocols"), "Http2");
            if (i >= running)
            {
                resource.WithExplicitStart();
            }

            replicas.Add(new Replica(resource, port, http2Port, Spare: i >= running));
        }

        return new ServiceReplicas(name, replicas);
    }

    private static string Loopback(int port) => $"http://127.0.0.1:{port}";

    private static string KestrelEndpoint(string endpoint, string setting) => $"Kestrel__Endpoints__{endpoint}__{setting}";

    /// <summary>A project that runs once (the gateway): the resource is named for the service.</summary>
    public static IResourceBuilder<ProjectResource> Single<TProject>(IDistributedApplicationBuilder builder, string name, int port, LocalPorts ports)
        where TProject : IProjectMetadata, new() =>
        Project<TProject>(builder, name, name, $"{name}-0", ports.Take(name, port));

    private static IResourceBuilder<ProjectResource> Project<TProject>(IDistributedApplicationBuilder builder, string resourceName, string service, string instance, int port)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(resourceName, launchProfileName: null)
            .RunBuiltApp()
            .WithHttpEndpoint(port: port, targetPort: port, name: ServiceEndpoints.Http, isProxied: false)
            .WithEndpoint(ServiceEndpoints.Http, endpoint => endpoint.TargetHost = "127.0.0.1")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
            // Replicas of a service share its queues and its name in telemetry; the instance tells them apart (X-Instance-Id).
            .WithEnvironment("OTEL_SERVICE_NAME", service)
            .WithEnvironment("OTEL_RESOURCE_ATTRIBUTES", $"service.instance.id={instance}")
            // The collector is the dashboard, on loopback: an export that has not landed within a second will not. Aspire
            // turns on OpenTelemetry's retries, which last the export timeout (10 s by default); once the dashboard is gone
            // (Ctrl+C, a killed app host) a stopping service would wait that long per signal, past the 6 s DCP gives it.
            .WithEnvironment("OTEL_EXPORTER_OTLP_TIMEOUT", "1000")
            // Only the gateway faces clients; a service must not take a caller's X-Forwarded-For on trust.
            .DisableForwardedHeaders()
            .WithProbe("/health does not answer 200 (ready)", ct => Probes.HttpOkAsync($"http://127.0.0.1:{port}/health", ct));

    /// <summary>Every replica gets the connection string and waits until it answers.</summary>
    public ServiceReplicas WithReference(IResourceBuilder<IResourceWithConnectionString> source, string? connectionName = null)
    {
        foreach (var replica in All)
        {
            replica.Resource.WithReference(source, connectionName).WaitFor(source);
        }

        return this;
    }

    public ServiceReplicas WithEnvironment(string name, string value)
    {
        foreach (var replica in All)
        {
            replica.Resource.WithEnvironment(name, value);
        }

        return this;
    }
}
