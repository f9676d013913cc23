namespace Dating.BuildingBlocks.Modules;

/// <summary>A business module as the code around it sees it: the gateway, the monolith, the app host, the benchmarks.</summary>
/// <param name="Name">Its service's name: the gateway's cluster, the app host's resources (<c>profiles-0</c>, …), its OpenAPI document.</param>
/// <param name="RoutePrefixes">The public paths it serves, each with everything below it.</param>
/// <param name="Database">The connection name of its PostgreSQL database.</param>
/// <param name="Project">Its class library.</param>
/// <param name="HostProject">The project that runs it alone, as a service.</param>
/// <param name="DefaultPort">The dev stack's port of its first replica; replica i listens on this plus i.</param>
public sealed record ModuleEntry(string Name, IReadOnlyList<string> RoutePrefixes, string Database, string Project, string HostProject, int DefaultPort)
{
    /// <summary>It stores blobs (the app host gives it the blob store).</summary>
    public bool UsesBlobStorage { get; init; }

    /// <summary>A user on one replica pays (warm per-user caches, fewer backplane hops): the gateway hashes users to replicas.</summary>
    public bool KeepsUserOnOneReplica { get; init; }

    /// <summary>It serves a WebSocket hub (a path under <c>/hubs/</c>): connections that stay open and stay quiet between keep-alives.</summary>
    public bool ServesHub => RoutePrefixes.Any(prefix => prefix.StartsWith("/hubs/", StringComparison.Ordinal));

    /// <summary>"Profiles": the name in titles.</summary>
    public string Title => char.ToUpperInvariant(Name[0]) + Name[1..];
}
