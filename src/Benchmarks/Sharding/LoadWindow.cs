using Dating.Benchmarks.Reports;
using HdrHistogram;

namespace Dating.Benchmarks.Sharding;

/// <summary>Swipes at a fixed rate over one window of the resharding run (before, during, after), timed from their intended send time.</summary>
public sealed record LoadWindow(string Name, HistogramBase LatencyMicros, int Errors, double Seconds)
{
    public Latency Latency => Latency.Of(LatencyMicros);

    public double ErrorRate => LatencyMicros.TotalCount == 0 ? 0 : (double)Errors / LatencyMicros.TotalCount;

    public static LoadWindow Of(string name, (HistogramBase Latency, int Errors, double Seconds) load) => new(name, load.Latency, load.Errors, load.Seconds);
}
