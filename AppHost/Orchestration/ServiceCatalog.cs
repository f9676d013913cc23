namespace Dating.AppHost.Orchestration;

/// <summary>What runs in each topology. Services join this list as their issues land.</summary>
public static class ServiceCatalog
{
    public static ServiceDefinition Gateway { get; } = new("gateway", "src/Gateway", "Dating.Gateway", 5080);

    public static IReadOnlyList<ServiceDefinition> Microservices { get; } =
    [
        new("profiles", "src/Profiles.Host", "Dating.Profiles.Host", 5110),
    ];

    public static IReadOnlyList<ServiceDefinition> For(Topology topology) => topology switch
    {
        Topology.Microservices => Microservices,
        _ => throw new StackConfigurationException(
            $"The {topology.ToString().ToLowerInvariant()} topology is not built yet (see the monolith issue); use --topology microservices."),
    };
}
