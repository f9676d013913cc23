using Dating.BuildingBlocks.Modules;
using Dating.Gateway.Health;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;

namespace Dating.Gateway.Routing;

// One cluster per service, its destinations read the way Aspire passes them:
// services:<name>:http:<i> (and https), e.g. services__profiles__http__0=http://127.0.0.1:5110.
public static class ServiceClusters
{
    private static readonly string[] Schemes = ["http", "https"];

    public static IReadOnlyList<ClusterConfig> Build(Func<string, IReadOnlyDictionary<string, DestinationConfig>> destinationsOf, GatewayOptions options) =>
        ModuleCatalog.All.Select(module => Cluster(module.Name, destinationsOf(module.Name), options)).ToList();

    public static IReadOnlyDictionary<string, DestinationConfig> DestinationsOf(IConfiguration configuration, string service) =>
        Schemes
            .SelectMany(scheme => configuration.GetSection($"services:{service}:{scheme}").GetChildren()
                .Where(endpoint => !string.IsNullOrWhiteSpace(endpoint.Value))
                .Select(endpoint => (Id: $"{service}/{scheme}/{endpoint.Key}", Address: endpoint.Value!)))
            .ToDictionary(destination => destination.Id, destination => new DestinationConfig { Address = destination.Address });

    private static ClusterConfig Cluster(string service, IReadOnlyDictionary<string, DestinationConfig> destinations, GatewayOptions options) => new()
    {
        ClusterId = service,
        Destinations = destinations,
        LoadBalancingPolicy = options.LoadBalancingPolicyOf(service),
        HttpRequest = new ForwarderRequestConfig { ActivityTimeout = options.ReplicaTimeoutOf(service) },
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
