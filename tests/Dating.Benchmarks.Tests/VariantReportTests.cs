using Dating.Benchmarks.Comparison;
using Dating.Benchmarks.Load;
using Dating.Benchmarks.Reports;

namespace Dating.Benchmarks.Tests;

/// <summary>The report's table of variants: each against the stack as it ships, from the runs of one comparison (pure).</summary>
public sealed class VariantReportTests
{
    private static readonly RuntimeVariant Spin = new("no-spin", new Dictionary<string, string> { ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0" });

    [Fact]
    public void Each_variant_is_set_against_its_own_topology_as_shipped_and_split_against_the_monolith_under_it()
    {
        var result = new ComparisonResult(CompareSettings.Quick, ["microservices", "monolith", Spin.Label("microservices"), Spin.Label("monolith")],
        [
            Run("microservices", sessions: 600, cpuSeconds: 6, memoryMb: 900, p50: 20),
            Run("monolith", sessions: 1200, cpuSeconds: 6, memoryMb: 300, p50: 10),
            Run(Spin.Label("microservices"), sessions: 750, cpuSeconds: 6, memoryMb: 900, p50: 16),
            Run(Spin.Label("monolith"), sessions: 1000, cpuSeconds: 8, memoryMb: 300, p50: 12),
        ], [], [], "none") { Options = new CompareOptions(Variants: [Spin]) };

        var report = ComparisonReport.Render(result, "# header", []);

        // 750 ÷ 600 sessions; 8 ms per session against 10; the split 750 ÷ 1000 under the variant.
        report.ShouldContain($"| no-spin | {ScenarioNames.SessionMax} | microservices | 1.25 | 0.80 | 0.80 | 0.80 | 1.00 | 0.75 | 1.25 |");
        report.ShouldContain($"| no-spin | {ScenarioNames.SessionMax} | monolith | 0.83 | 1.20 | 1.20 | 1.60 | 1.00 |  | 0.83 |");
    }

    [Fact]
    public void Issue_17s_targets_stand_on_the_runs_and_the_cached_read_is_set_against_each_variant_of_the_earlier_stack()
    {
        var before = new RuntimeVariant("before", new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" });
        var result = new ComparisonResult(CompareSettings.Quick, ["microservices", "monolith", before.Label("microservices"), before.Label("monolith")],
        [
            Run("microservices", sessions: 800, cpuSeconds: 6, memoryMb: 700, p50: 20),
            Run("monolith", sessions: 1000, cpuSeconds: 6, memoryMb: 300, p50: 10),
            Run("microservices", 3000, 6, 700, 4, ScenarioNames.PublicProfileMax),
            Run("monolith", 5000, 6, 300, 2, ScenarioNames.PublicProfileMax),
            Run(before.Label("microservices"), 1000, 6, 700, 4, ScenarioNames.PublicProfileMax),
            Run(before.Label("monolith"), 4000, 6, 300, 2, ScenarioNames.PublicProfileMax),
            Run(Spin.Label("microservices"), 1000, 6, 700, 4, ScenarioNames.PublicProfileMax),
            Run(Spin.Label("monolith"), 1000, 6, 300, 2, ScenarioNames.PublicProfileMax),
            Run("microservices", 500, 6, 700, 10, ScenarioNames.RecommendationsMax, p99: 25),
            Run("monolith", 900, 6, 300, 10, ScenarioNames.RecommendationsMax, p99: 31),
        ], [], [], "none") { Options = new CompareOptions(Variants: [before, Spin]) };

        var report = ComparisonReport.Render(result, "# header", []);

        report.ShouldContain("| 17 | mixed session max throughput, microservices ≥ 0.75 of the monolith's | both | 0.80 | yes |");
        report.ShouldContain("| 17 | services' memory (peak, mixed session at max) at most 2 × the monolith's | both | 700 ÷ 300 MB = 2.33 | no |");
        report.ShouldContain("| 17 | recommendations at max: p99 at most 3 × p50 | microservices | 25.0 ÷ 10.0 ms = 2.50 | yes |");
        report.ShouldContain("| 17 | recommendations at max: p99 at most 3 × p50 | monolith | 31.0 ÷ 10.0 ms = 3.10 | no |");
        report.ShouldContain("| 17 | cached public profile read at max: at least 2 × the throughput before issue 17 | microservices | 300/s; ÷ before 3.00 | yes against before |");
        report.ShouldContain("| 17 | cached public profile read at max: at least 2 × the throughput before issue 17 | monolith | 500/s; ÷ before 1.25 | no against before |");
        report.ShouldNotContain("of the earlier stack in this run", Case.Sensitive, "issue 17's rows are the stack as it ships, not the variant's");
        report.ShouldNotContain("against no-spin", Case.Sensitive, "a variant changing one thing is no baseline for the stack before issue 17");
    }

    [Fact]
    public void Without_variants_the_report_has_no_variant_table()
    {
        var result = new ComparisonResult(CompareSettings.Quick, ["microservices", "monolith"],
            [Run("microservices", 600, 6, 900, 20), Run("monolith", 1200, 6, 300, 10)], [], [], "none");

        ComparisonReport.Render(result, "# header", []).ShouldNotContain("Each variant against");
    }

    [Fact]
    public void The_experiments_sections_appear_only_when_the_run_had_them()
    {
        var runs = new[] { Run("microservices", 600, 6, 900, 20), Run("monolith", 1200, 6, 300, 10) };
        var chosen = new ComparisonResult(CompareSettings.Quick, ["microservices", "monolith"], runs, [], [], "none")
        {
            Options = new CompareOptions(Scenarios: CompareOptions.ParseScenarios("session-max")),
        };
        var every = chosen with { Options = CompareOptions.Default };

        var report = ComparisonReport.Render(chosen, "# header", []);
        report.ShouldNotContain("### Scaling up and out");
        report.ShouldNotContain("### Fault isolation");
        var full = ComparisonReport.Render(every, "# header", []);
        full.ShouldContain("### Scaling up and out");
        full.ShouldContain("### Fault isolation");
    }

    [Fact]
    public void Each_round_s_variant_is_set_against_the_same_round_as_shipped_so_the_spread_shows()
    {
        var result = new ComparisonResult(CompareSettings.Quick, ["microservices", Spin.Label("microservices")],
        [
            Run("microservices", sessions: 1000, cpuSeconds: 6, memoryMb: 700, p50: 20, round: 1),
            Run(Spin.Label("microservices"), sessions: 1100, cpuSeconds: 6, memoryMb: 700, p50: 20, round: 1),
            Run("microservices", sessions: 800, cpuSeconds: 6, memoryMb: 700, p50: 20, round: 2),
            Run(Spin.Label("microservices"), sessions: 760, cpuSeconds: 6, memoryMb: 700, p50: 20, round: 2),
        ], [], [], "none") { Options = new CompareOptions(Variants: [Spin]) };

        var report = ComparisonReport.Render(result, "# header", []);

        // The means: 930 ÷ 900 sessions; round by round 1,100 ÷ 1,000 and 760 ÷ 800.
        report.ShouldContain($"| no-spin | {ScenarioNames.SessionMax} | microservices | 1.03 | 1.00 | 1.00 | 0.99 | 1.00 |  | 1.10, 0.95 |");
    }

    private static ScenarioRun Run(
        string topology, long sessions, double cpuSeconds, double memoryMb, double p50, string scenario = ScenarioNames.SessionMax, double? p99 = null, int round = 1) =>
        new(topology, 1, round, scenario, sessions, 0, 10, new Latency(sessions, p50, p50 * 1.5, p99 ?? p50 * 2, (p99 ?? p50 * 2) * 1.5),
            new ResourceUsage(cpuSeconds, memoryMb, 1, 100));
}
