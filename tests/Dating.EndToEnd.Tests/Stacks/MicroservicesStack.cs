using Dating.AppHost.Orchestration;
using Dating.Testing;

namespace Dating.EndToEnd.Tests.Stacks;

/// <summary>Every service as its own process behind the gateway; two chat replicas, so real-time events cross the Redis backplane.</summary>
public sealed class MicroservicesStack(BackingServicesFixture backing) : TopologyStack(backing, Topology.Microservices)
{
    public const string Collection = "microservices";

    protected override string HubService => "chat";

    protected override IReadOnlyDictionary<string, int> Replicas { get; } = new Dictionary<string, int> { ["chat"] = 2 };
}

[CollectionDefinition(MicroservicesStack.Collection)]
public sealed class MicroservicesCollection : ICollectionFixture<MicroservicesStack>;
