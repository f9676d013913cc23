using Dating.Benchmarks.Load;

namespace Dating.Benchmarks.Comparison;

/// <summary>A stack at rest (after the warm-up, before the first scenario): what its timers, health checks and sweeps cost with no load.</summary>
public sealed record IdleRun(string Topology, int Replicas, int Round, double Seconds, ResourceUsage Resources)
{
    /// <summary>Seconds from the end of the warm-up until the stack was at rest (null: not within the settle limit).</summary>
    public double? SettledSeconds { get; init; }

    /// <summary>CPU cores the topology's processes keep busy with no load.</summary>
    public double ServiceCores => Seconds <= 0 ? 0 : Resources.ServiceCpuSeconds / Seconds;
}
