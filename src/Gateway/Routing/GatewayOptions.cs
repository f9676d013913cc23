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

    // How long a replica may stay silent on a request (no response headers, no progress on either body) before the
    // gateway gives up with a 504 problem. Each such timeout counts against the replica in the passive health check,
    // so a frozen replica is taken out instead of stalling everyone hashed to it until it thaws. YARP's default is 100 s.
    public TimeSpan ReplicaTimeout { get; set; } = TimeSpan.FromSeconds(10);

    // The same for a service with a WebSocket hub: its connections are quiet between SignalR's keep-alives (15 s each
    // way), and its clients give up after 30 s of silence themselves, so the gateway waits longer than that.
    public TimeSpan HubReplicaTimeout { get; set; } = TimeSpan.FromSeconds(35);

    // Cluster name to YARP load-balancing policy name, e.g. Gateway:LoadBalancing:profiles = RoundRobin.
    public Dictionary<string, string> LoadBalancing { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    // Largest body the photo routes accept: a 10 MiB image plus its multipart framing.
    public long PhotoUploadMaxBodyBytes { get; set; } = 11 * 1024 * 1024;

    // Forward to a service over HTTP/2 where its replicas offer an h2c endpoint (services:<name>:h2c:<i>; the app host
    // gives every replica one). Off: HTTP/1.1 to their http endpoints, one connection per request in flight.
    public bool Http2ToServices { get; set; } = true;

    // Each destination named by DNS becomes one destination per address the name resolves to: in Kubernetes, a
    // headless Service's records, one per ready pod. Off: destinations are used as configured (IP literals from Aspire).
    // Read once at startup.
    public bool ResolvePodsByDns { get; set; }

    // How often those names are looked up again, so that scaling is followed without a restart.
    public TimeSpan PodsRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan ReplicaTimeoutOf(string cluster) =>
        ModuleCatalog.Named(cluster)?.ServesHub == true ? HubReplicaTimeout : ReplicaTimeout;

    public string LoadBalancingPolicyOf(string cluster) =>
        LoadBalancing.TryGetValue(cluster, out var policy) && !string.IsNullOrWhiteSpace(policy)
            ? policy
            : DefaultLoadBalancingPolicyOf(cluster);

    private static string DefaultLoadBalancingPolicyOf(string cluster) =>
        ModuleCatalog.Named(cluster)?.KeepsUserOnOneReplica == true
            ? ConsistentHashLoadBalancingPolicy.PolicyName
            : LoadBalancingPolicies.PowerOfTwoChoices;
}
