namespace Dating.AppHost.Orchestration;

/// <summary>What runs in each topology. Services join this list as their issues land.</summary>
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

    public static IReadOnlyList<ServiceDefinition> For(Topology topology) => topology switch
    {
        Topology.Microservices => Microservices,
        _ => throw new StackConfigurationException(
            $"The {topology.ToString().ToLowerInvariant()} topology is not built yet (see the monolith issue); use --topology microservices."),
    };
}
