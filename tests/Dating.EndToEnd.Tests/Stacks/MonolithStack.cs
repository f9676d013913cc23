using Dating.AppHost.Orchestration;
using Dating.Testing;

namespace Dating.EndToEnd.Tests.Stacks;

/// <summary>All four modules in one process: in-process events, one database with a schema per module.</summary>
public sealed class MonolithStack(BackingServicesFixture backing) : TopologyStack(backing, Topology.Monolith)
{
    public const string Collection = "monolith";

    protected override string HubService => "monolith";

    protected override IReadOnlyDictionary<string, int> Replicas { get; } = new Dictionary<string, int>();
}

[CollectionDefinition(MonolithStack.Collection)]
public sealed class MonolithCollection : ICollectionFixture<MonolithStack>;
