using HdrHistogram;

namespace Dating.Benchmarks.Load;

/// <summary>What one run of one scenario measured. Latencies in milliseconds.</summary>
public sealed record LoadResult(string Scenario, string Target, int Requests, int Errors, double Seconds, double P50, double P90, double P99, double Max, double CpuMsPerRequest)
{
    public double Throughput => (Requests - Errors) / Seconds;

    public double ErrorRate => Requests == 0 ? 0 : (double)Errors / Requests;

    public static LoadResult From(string scenario, string target, HistogramBase latencyMicros, int errors, double seconds, double cpuMsPerRequest)
    {
        double Ms(double percentile) => latencyMicros.TotalCount == 0 ? 0 : latencyMicros.GetValueAtPercentile(percentile) / 1000.0;
        return new LoadResult(scenario, target, (int)latencyMicros.TotalCount, errors, seconds, Ms(50), Ms(90), Ms(99), Ms(100), cpuMsPerRequest);
    }
}
