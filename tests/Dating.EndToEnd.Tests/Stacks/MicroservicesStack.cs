using Dating.AppHost.Options;

namespace Dating.EndToEnd.Tests.Stacks;

/// <summary>
/// Every service as its own process behind the gateway; two chat replicas, so real-time events cross the Redis
/// backplane, and two matching replicas, so swipes, matches and recommendations cross the consistent-hash cluster.
/// </summary>
public sealed class MicroservicesStack() : TopologyStack(Topology.Microservices)
{
    public const string Collection = "microservices";

    protected override string HubService => "chat";

    protected override int HubReplicas => 2;

    protected override IReadOnlyList<string> Arguments { get; } = ["--replicas", "chat=2", "--replicas", "matching=2"];
}

[CollectionDefinition(MicroservicesStack.Collection)]
public sealed class MicroservicesCollection : ICollectionFixture<MicroservicesStack>;
