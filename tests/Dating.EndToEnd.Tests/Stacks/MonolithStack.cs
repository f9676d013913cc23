using Dating.AppHost.Options;

namespace Dating.EndToEnd.Tests.Stacks;

/// <summary>All four modules in one process: in-process events, one database with a schema per module.</summary>
public sealed class MonolithStack() : TopologyStack(Topology.Monolith)
{
    public const string Collection = "monolith";

    protected override string HubService => "monolith";

    protected override int HubReplicas => 1;

    protected override IReadOnlyList<string> Arguments { get; } = ["--topology", "monolith"];
}

[CollectionDefinition(MonolithStack.Collection)]
public sealed class MonolithCollection : ICollectionFixture<MonolithStack>;
