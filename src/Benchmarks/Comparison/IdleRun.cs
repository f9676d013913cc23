using Dating.Benchmarks.Load;

namespace Dating.Benchmarks.Comparison;

/// <summary>A stack at rest (after the warm-up, before the first scenario): what its timers, health checks and sweeps cost with no load.</summary>
public sealed record IdleRun(string Topology, int Replicas, int Round, double Seconds, ResourceUsage Resources)
{
    /// <summary>Seconds from the end of the warm-up until the stack was at rest (null: not within the settle limit).</summary>
    public double? SettledSeconds { get; init; }

    /// <summary>How long the warm-up ran, and the tiered JIT's share of the services' CPU in its last step.</summary>
    public (double Seconds, double JitShare)? Warmup { get; init; }

    /// <summary>CPU cores the topology's processes keep busy with no load.</summary>
    public double ServiceCores => Seconds <= 0 ? 0 : Resources.ServiceCpuSeconds / Seconds;
}
