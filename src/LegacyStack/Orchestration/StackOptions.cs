using Dating.AppHost.BackingServices;

namespace Dating.AppHost.Orchestration;

/// <summary>How to run a whole stack: from the command line for development, or from a test.</summary>
public sealed record StackOptions
{
    public Topology Topology { get; init; } = Topology.Microservices;

    /// <summary>Processes per service (default 1).</summary>
    public IReadOnlyDictionary<string, int> Replicas { get; init; } = new Dictionary<string, int>();

    /// <summary>Development: the fixed ports (gateway 5080); tests: free ports.</summary>
    public bool FixedPorts { get; init; }

    /// <summary>Backing services to use; null starts a dev set (kept data under .local/data).</summary>
    public BackingServiceSet? BackingServices { get; init; }

    /// <summary>With <see cref="BackingServices"/> null: wipe the dev data first.</summary>
    public bool Fresh { get; init; }

    /// <summary>Restart a service process that exits unexpectedly, with back-off.</summary>
    public bool RestartCrashed { get; init; } = true;

    /// <summary>Where service pids are remembered, so the next run stops leftovers of a killed AppHost; null: not remembered.</summary>
    public string? PidDirectory { get; init; }

    /// <summary>One file per resource.</summary>
    public required string LogDirectory { get; init; }

    /// <summary>Progress messages of the AppHost itself.</summary>
    public Action<string> Log { get; init; } = _ => { };

    /// <summary>Every output line of every resource (the coloured console in development).</summary>
    public Action<string, string>? OnOutput { get; init; }

    /// <summary>Extra environment for every service process (for example log levels in tests).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);

    public int ReplicasOf(string service) => Replicas.GetValueOrDefault(service, 1);
}
