using System.Text;
using static Dating.Benchmarks.Reports.ReportFile;

namespace Dating.Benchmarks.Scenarios.Matching;

/// <summary>The Markdown tables of the matching benchmark.</summary>
public static class MatchingReport
{
    public static string Render(MatchingResult r, string header)
    {
        var text = new StringBuilder(header).AppendLine().AppendLine();
        text.AppendLine(Invariant($"Seeding {r.Seeded:N0} users took {r.SeedSeconds:0.0} s wall time (the seeder says: \"{r.SeedOutput.ReplaceLineEndings(" ")}\")."));
        text.AppendLine();
        text.AppendLine("| scenario | requests | throughput (/s) | p50 ms | p90 ms | p99 ms | max ms | errors |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        text.AppendLine(Invariant($"| recommendations, cold queue (first read, geographic search) | {r.Cold.Count} | – | {r.Cold.Cells()} | {r.ColdErrors} |"));
        text.AppendLine(Invariant($"| recommendations, queue hit (later reads) | {r.Hit.Count} | {r.HitPerSecond:0} | {r.Hit.Cells()} | {r.HitErrors} |"));
        text.AppendLine(Invariant($"| swipes (like/pass on recommended users) | {r.Swipes} | {r.SwipesPerSecond:0} | {r.Swipe.Cells()} | {r.SwipeErrors} |"));
        text.AppendLine();
        text.AppendLine(r.BatchSeconds is { } seconds
            ? Invariant($"Queue batch: {r.BatchUsers} queues refreshed in {seconds:0.00} s = **{r.BatchSecondsPer10000:0.0} s per 10,000 users** ({r.BatchNote}).")
            : $"Queue batch: not measured ({r.BatchNote}).");
        return text.ToString();
    }
}
