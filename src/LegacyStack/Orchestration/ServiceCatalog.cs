namespace Dating.AppHost.Orchestration;

/// <summary>What runs in each topology.</summary>
public static class ServiceCatalog
{
    public static ServiceDefinition Gateway { get; } = new("gateway", "src/Gateway", "Dating.Gateway", 5080);

    public static IReadOnlyList<ServiceDefinition> Microservices { get; } =
    [
        new("profiles", "src/Profiles.Host", "Dating.Profiles.Host", 5110),
        new("photos", "src/Photos.Host", "Dating.Photos.Host", 5120),
        new("matching", "src/Matching.Host", "Dating.Matching.Host", 5130),
        new("chat", "src/Chat.Host", "Dating.Chat.Host", 5140),
    ];

    /// <summary>Every module in one process. One replica is the public API itself (port 5080); more run behind the gateway (5081, 5082, …).</summary>
    public static ServiceDefinition Monolith { get; } = new("monolith", "src/Monolith", "Dating.Monolith", 5081);

    public static IReadOnlyList<ServiceDefinition> For(Topology topology) => topology switch
    {
        Topology.Microservices => Microservices,
        Topology.Monolith => [Monolith],
        _ => throw new StackConfigurationException($"Unknown topology {topology}."),
    };

    /// <summary>
    /// Whether a service gets a connection string: the monolith gets its one database (<c>monolith</c>), not the
    /// microservices' four, so each of its modules falls back to that one.
    /// </summary>
    public static bool Receives(ServiceDefinition service, string connectionName) =>
        service != Monolith || Microservices.All(s => s.Name != connectionName);
}
