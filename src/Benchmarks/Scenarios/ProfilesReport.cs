using System.Globalization;
using System.Text;
using Dating.Benchmarks.Load;

namespace Dating.Benchmarks.Scenarios;

/// <summary>The Markdown table: medians over rounds; gateway over direct, checking sessions twice over once, and each variant's gateway over the gateway as it ships.</summary>
public static class ProfilesReport
{
    public static string Render(IReadOnlyList<LoadResult> results, string header)
    {
        var text = new StringBuilder(header).AppendLine().AppendLine();
        text.AppendLine("| scenario | target | throughput (req/s) | p50 ms | p90 ms | p99 ms | max ms | errors | CPU ms/req (gateway + profiles) |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        var groups = results.GroupBy(r => (r.Scenario, r.Target)).ToList();
        foreach (var group in groups)
        {
            var m = Median(group.ToList());
            text.AppendLine(Invariant($"| {m.Scenario} | {m.Target} | {m.Throughput:0} | {m.P50:0.00} | {m.P90:0.00} | {m.P99:0.00} | {m.Max:0.0} | {m.ErrorRate:P1} | {m.CpuMsPerRequest:0.00} |"));
        }

        var variants = results.Select(r => r.Target).Distinct().Where(t => t.StartsWith("gateway [", StringComparison.Ordinal));
        foreach (var (over, under) in new[] { ("gateway", "direct"), (ProfilesBenchmark.CheckedTwice, "gateway") }.Concat(variants.Select(v => (v, "gateway"))))
        {
            text.AppendLine().AppendLine($"| scenario | {over} ÷ {under}: throughput | p50 | p99 | CPU per request |");
            text.AppendLine("|---|---:|---:|---:|---:|");
            foreach (var scenario in groups.Select(g => g.Key.Scenario).Distinct())
            {
                var a = Median(results.Where(r => r.Scenario == scenario && r.Target == over).ToList());
                var b = Median(results.Where(r => r.Scenario == scenario && r.Target == under).ToList());
                text.AppendLine(Invariant($"| {scenario} | {Ratio(a.Throughput, b.Throughput)} | {Ratio(a.P50, b.P50)} | {Ratio(a.P99, b.P99)} | {Ratio(a.CpuMsPerRequest, b.CpuMsPerRequest)} |"));
            }
        }

        return text.ToString();
    }

    // The median round by throughput; with two rounds, their mean (so both count).
    private static LoadResult Median(IReadOnlyList<LoadResult> rounds) => rounds.Count switch
    {
        1 => rounds[0],
        2 => rounds[0] with
        {
            Requests = (rounds[0].Requests + rounds[1].Requests) / 2,
            Errors = (rounds[0].Errors + rounds[1].Errors) / 2,
            Seconds = (rounds[0].Seconds + rounds[1].Seconds) / 2,
            P50 = (rounds[0].P50 + rounds[1].P50) / 2,
            P90 = (rounds[0].P90 + rounds[1].P90) / 2,
            P99 = (rounds[0].P99 + rounds[1].P99) / 2,
            Max = Math.Max(rounds[0].Max, rounds[1].Max),
            CpuMsPerRequest = (rounds[0].CpuMsPerRequest + rounds[1].CpuMsPerRequest) / 2,
        },
        _ => rounds.OrderBy(r => r.Throughput).ElementAt(rounds.Count / 2),
    };

    private static string Ratio(double a, double b) => b == 0 ? "–" : (a / b).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
