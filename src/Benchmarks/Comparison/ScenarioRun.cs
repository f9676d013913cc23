using Dating.Benchmarks.Load;
using Dating.Benchmarks.Reports;

namespace Dating.Benchmarks.Comparison;

/// <summary>One scenario measured once on one stack.</summary>
/// <param name="Replicas">1: one process per service (or one monolith); 2: two of matching and chat (or two monoliths).</param>
/// <param name="Requests">Operations attempted (a session counts once).</param>
/// <param name="Errors">Failed operations (for messages: refused sends plus deliveries that never arrived).</param>
public sealed record ScenarioRun(
    string Topology, int Replicas, int Round, string Scenario, long Requests, int Errors, double Seconds, Latency Latency, ResourceUsage Resources)
{
    public double Throughput => Seconds <= 0 ? 0 : (Requests - Errors) / Seconds;

    public double ErrorRate => Requests == 0 ? 0 : (double)Errors / Requests;

    /// <summary>CPU milliseconds of the topology's processes per successful operation.</summary>
    public double ServiceCpuMsPerOperation => Requests - Errors <= 0 ? 0 : Resources.ServiceCpuSeconds * 1000 / (Requests - Errors);
}
