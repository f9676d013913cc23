using System.Net;
using Dating.BuildingBlocks.Modules;
using Dating.Gateway.Health;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;

namespace Dating.Gateway.Routing;

// One cluster per service, its destinations read the way Aspire passes them:
// services:<name>:http:<i> (and https), e.g. services__profiles__http__0=http://127.0.0.1:5110, and the replicas'
// HTTP/2 endpoints, services:<name>:h2c:<i>, which the gateway prefers when it has them.
public static class ServiceClusters
{
    private static readonly string[] Schemes = [ServiceEndpoints.Http, "https"];

    public static IReadOnlyList<ClusterConfig> Build(Func<string, ServiceDestinations> destinationsOf, GatewayOptions options) =>
        ModuleCatalog.All.Select(module => Cluster(module.Name, destinationsOf(module.Name), options)).ToList();

    public static ServiceDestinations DestinationsOf(IConfiguration configuration, string service, GatewayOptions options)
    {
        var http2 = options.Http2ToServices ? Read(configuration, service, [ServiceEndpoints.Http2]) : [];
        return http2.Count > 0
            ? new ServiceDestinations(http2, Http2: true)
            : new ServiceDestinations(Read(configuration, service, Schemes), Http2: false);
    }

    private static Dictionary<string, DestinationConfig> Read(IConfiguration configuration, string service, string[] endpointNames) =>
        endpointNames
            .SelectMany(name => configuration.GetSection($"services:{service}:{name}").GetChildren()
                .Where(endpoint => !string.IsNullOrWhiteSpace(endpoint.Value))
                .Select(endpoint => (Id: $"{service}/{name}/{endpoint.Key}", Address: endpoint.Value!)))
            .ToDictionary(destination => destination.Id, destination => new DestinationConfig { Address = destination.Address });

    private static ClusterConfig Cluster(string service, ServiceDestinations destinations, GatewayOptions options) => new()
    {
        ClusterId = service,
        Destinations = destinations.Destinations,
        LoadBalancingPolicy = options.LoadBalancingPolicyOf(service),
        // Over HTTP/2 the gateway's requests to a replica share a few connections (multiplexed streams) instead of
        // one connection per request in flight. Exact: a replica's h2c port speaks nothing else. More than one
        // connection when a connection's streams are used up (Kestrel allows 100 per connection): chat's WebSockets
        // (RFC 8441 over HTTP/2) each hold a stream for as long as the client is connected.
        // Without a version, YARP's default: HTTP/2 or lower, which on a cleartext port is HTTP/1.1.
        HttpRequest = new ForwarderRequestConfig
        {
            ActivityTimeout = options.ReplicaTimeoutOf(service),
            Version = destinations.Http2 ? HttpVersion.Version20 : null,
            VersionPolicy = destinations.Http2 ? HttpVersionPolicy.RequestVersionExact : null,
        },
        HttpClient = destinations.Http2 ? new HttpClientConfig { EnableMultipleHttp2Connections = true } : null,
        HealthCheck = new HealthCheckConfig
        {
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = options.HealthCheckInterval,
                Timeout = options.HealthCheckTimeout,
                Policy = ReplicaHealthPolicy.PolicyName,
                Path = "/health",
            },
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                ReactivationPeriod = options.ReactivationPeriod,
            },
            // With every replica marked down, still try them rather than refuse outright:
            // a lone replica that recovers is used again at once.
            AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
        },
    };
}

/// <summary>The replicas of one service as the gateway reaches them, and whether it speaks HTTP/2 to them.</summary>
public sealed record ServiceDestinations(IReadOnlyDictionary<string, DestinationConfig> Destinations, bool Http2)
{
    public static ServiceDestinations None { get; } = new(new Dictionary<string, DestinationConfig>(), Http2: false);
}
