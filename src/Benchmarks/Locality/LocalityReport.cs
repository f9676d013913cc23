using System.Text;
using Dating.Benchmarks.Reports;
using static Dating.Benchmarks.Reports.ReportFile;

namespace Dating.Benchmarks.Locality;

/// <summary>The Markdown tables of the locality benchmark.</summary>
public static class LocalityReport
{
    public static string Describe(LocalitySettings s) =>
        Invariant($"{LocalitySettings.MatchingReplicas} matching replicas, card cache capacity {s.Capacity} per replica, {s.Users} users each asking for ")
        + Invariant($"recommendations once every {s.Period.TotalSeconds:0.#} s ({s.RatePerSecond:0.#}/s in all, open model) through the gateway; per run a fresh stack ")
        + Invariant($"(cold caches), {s.Warmup.TotalSeconds:0} s warm-up, then {s.Duration.TotalSeconds:0} s measured; policies alternated, {s.Rounds} round(s). ")
        + "Hits and misses are the deltas of each replica's own /metrics counters over the measured window.";

    public static string Render(IReadOnlyList<LocalityRun> runs, string header)
    {
        var text = new StringBuilder(header).AppendLine().AppendLine();
        text.AppendLine("| policy | requests | hits | misses | hit rate | p50 ms | p99 ms | errors |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var policy in runs.Select(r => r.Policy).Distinct())
        {
            var of = runs.Where(r => r.Policy == policy).ToList();
            var total = new ReplicaCacheCounters(of.Sum(r => r.Total.Hits), of.Sum(r => r.Total.Misses));
            var latency = Latency.Of(Latency.Merge(of.Select(r => r.LatencyMicros)));
            text.AppendLine(Invariant(
                $"| {policy} | {latency.Count} | {total.Hits} | {total.Misses} | **{total.HitRate:P1}** | {latency.P50:0.0} | {latency.P99:0.0} | {of.Sum(r => r.Errors)} |"));
        }

        text.AppendLine().AppendLine("Per run and replica:").AppendLine();
        text.AppendLine("| round | policy | replica | lookups | hits | misses | hit rate | p50 ms | p99 ms |");
        text.AppendLine("|---:|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            foreach (var (replica, c) in run.Replicas)
            {
                text.AppendLine(Invariant($"| {run.Round} | {run.Policy} | {replica} | {c.Lookups} | {c.Hits} | {c.Misses} | {c.HitRate:P1} | | |"));
            }

            var t = run.Total;
            text.AppendLine(Invariant(
                $"| {run.Round} | {run.Policy} | all | {t.Lookups} | {t.Hits} | {t.Misses} | {t.HitRate:P1} | {run.Latency.P50:0.0} | {run.Latency.P99:0.0} |"));
        }

        return text.ToString();
    }
}
