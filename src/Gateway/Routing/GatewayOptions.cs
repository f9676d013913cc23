using Dating.BuildingBlocks.Modules;
using Dating.Gateway.LoadBalancing;
using Yarp.ReverseProxy.LoadBalancing;

namespace Dating.Gateway.Routing;

// Configuration section "Gateway".
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    // How often each destination's /health is probed.
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(3);

    // How long a destination stays out after transport failures, before it is tried again.
    public TimeSpan ReactivationPeriod { get; set; } = TimeSpan.FromSeconds(10);

    // Cluster name to YARP load-balancing policy name, e.g. Gateway:LoadBalancing:profiles = RoundRobin.
    public Dictionary<string, string> LoadBalancing { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    // Largest body the photo routes accept: a 10 MiB image plus its multipart framing.
    public long PhotoUploadMaxBodyBytes { get; set; } = 11 * 1024 * 1024;

    // Each destination named by DNS becomes one destination per address the name resolves to: in Kubernetes, a
    // headless Service's records, one per ready pod. Off: destinations are used as configured (IP literals from Aspire).
    // Read once at startup.
    public bool ResolvePodsByDns { get; set; }

    // How often those names are looked up again, so that scaling is followed without a restart.
    public TimeSpan PodsRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    public string LoadBalancingPolicyOf(string cluster) =>
        LoadBalancing.TryGetValue(cluster, out var policy) && !string.IsNullOrWhiteSpace(policy)
            ? policy
            : DefaultLoadBalancingPolicyOf(cluster);

    private static string DefaultLoadBalancingPolicyOf(string cluster) =>
        ModuleCatalog.Named(cluster)?.KeepsUserOnOneReplica == true
            ? ConsistentHashLoadBalancingPolicy.PolicyName
            : LoadBalancingPolicies.PowerOfTwoChoices;
}
