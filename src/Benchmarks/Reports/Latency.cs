using HdrHistogram;

namespace Dating.Benchmarks.Reports;

/// <summary>Percentiles in milliseconds of a histogram recorded in microseconds.</summary>
public sealed record Latency(long Count, double P50, double P90, double P99, double Max)
{
    public const long MaxMicros = 120_000_000;

    public static LongConcurrentHistogram NewHistogram() => new(1, MaxMicros, 3);

    public static void Record(HistogramBase histogram, TimeSpan elapsed) =>
        histogram.RecordValue(Math.Clamp((long)elapsed.TotalMicroseconds, 1, MaxMicros));

    /// <summary>One histogram of several runs' latencies.</summary>
    public static HistogramBase Merge(IEnumerable<HistogramBase> histograms)
    {
        var merged = NewHistogram();
        foreach (var histogram in histograms)
        {
            merged.Add(histogram);
        }

        return merged;
    }

    public static Latency Of(HistogramBase micros)
    {
        double Ms(double percentile) => micros.TotalCount == 0 ? 0 : micros.GetValueAtPercentile(percentile) / 1000.0;
        return new Latency(micros.TotalCount, Ms(50), Ms(90), Ms(99), Ms(100));
    }

    public string Cells() => ReportFile.Invariant($"{P50:0.0} | {P90:0.0} | {P99:0.0} | {Max:0.0}");
}
