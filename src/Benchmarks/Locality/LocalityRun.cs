using Dating.Benchmarks.Reports;
using HdrHistogram;

namespace Dating.Benchmarks.Locality;

/// <summary>One measured run: a gateway policy for matching, each replica's cache counters over the run, and the recommendations' latency.</summary>
public sealed record LocalityRun(
    string Policy, int Round, IReadOnlyList<(string Replica, ReplicaCacheCounters Counters)> Replicas, HistogramBase LatencyMicros, int Errors)
{
    public ReplicaCacheCounters Total => new(Replicas.Sum(r => r.Counters.Hits), Replicas.Sum(r => r.Counters.Misses));

    public Latency Latency => Latency.Of(LatencyMicros);
}
