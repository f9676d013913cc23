using Dating.Benchmarks.Load;
using Dating.Benchmarks.Reports;

namespace Dating.Benchmarks.Comparison;

/// <summary>The mean over rounds of one scenario on one topology with one replica count.</summary>
public sealed record ScenarioSummary(string Topology, int Replicas, string Scenario, int Rounds, long Requests, int Errors,
    double Throughput, Latency Latency, double ServiceCpuMsPerOperation, ResourceUsage Resources)
{
    public double ErrorRate => Requests == 0 ? 0 : (double)Errors / Requests;

    public static IReadOnlyList<ScenarioSummary> Of(IEnumerable<ScenarioRun> runs) =>
    [
        .. runs.GroupBy(r => (r.Topology, r.Replicas, r.Scenario)).Select(g => new ScenarioSummary(
            g.Key.Topology, g.Key.Replicas, g.Key.Scenario, g.Count(), g.Sum(r => r.Requests), g.Sum(r => r.Errors),
            g.Average(r => r.Throughput),
            new Latency(g.Sum(r => r.Latency.Count), g.Average(r => r.Latency.P50), g.Average(r => r.Latency.P90), g.Average(r => r.Latency.P99), g.Max(r => r.Latency.Max)),
            g.Average(r => r.ServiceCpuMsPerOperation),
            new ResourceUsage(g.Average(r => r.Resources.ServiceCpuSeconds), g.Max(r => r.Resources.ServicePeakMemoryMb),
                g.Average(r => r.Resources.BackingCpuSeconds), g.Max(r => r.Resources.BackingPeakMemoryMb)))),
    ];
}
