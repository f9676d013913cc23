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
        if (r.StandbyBatches.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Under `--ha`, the same batch with the standby streaming (its candidate scans on the standby) and stopped (on the primary), in the order run:");
            text.AppendLine();
            text.AppendLine("| round | standby | queues | seconds | queues per second | scans on the standby | scans on the primary | primary node: peak MB, CPU s | standby node: peak MB, CPU s |");
            text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var b in r.StandbyBatches)
            {
                text.AppendLine(Invariant($"| {b.Round} | {(b.WithStandby ? "streaming" : "stopped")} | {b.Users?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"} | {b.Seconds:0.0} | {b.UsersPerSecond:0.0} | {b.StandbyReads} | {b.PrimaryReads} | ")
                    + Invariant($"{Node(b.PrimaryNode)} | {(b.StandbyNode is { } standby ? Node(standby) : "–")} |"));
            }

            text.AppendLine();
            text.AppendLine("A node's memory is the peak PSS of Patroni, its PostgreSQL and the backends during the batch; the standby's is what the standby costs.");
            var (with, without) = (Rate(r.StandbyBatches, true), Rate(r.StandbyBatches, false));
            if (with is { } w && without is { } wo)
            {
                text.AppendLine();
                text.AppendLine(Invariant($"Queues per second with the standby ÷ without: **{w / wo:0.00}**."));
            }
        }

        return text.ToString();
    }

    // The mean rate of the batches observed one way; null when none was.
    private static string Node(Load.ResourceUsage node) => Invariant($"{node.BackingPeakMemoryMb:0}, {node.BackingCpuSeconds:0.0}");

    private static double? Rate(IEnumerable<StandbyBatch> batches, bool withStandby)
    {
        var rates = batches.Where(b => b.WithStandby == withStandby).Select(b => b.UsersPerSecond).OfType<double>().ToList();
        return rates.Count > 0 ? rates.Average() : null;
    }
}
