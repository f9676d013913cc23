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
        report.ShouldContain($"| no-spin | {ScenarioNames.SessionMax} | microservices | 1.25 | 0.80 | 0.80 | 0.80 | 1.00 | 0.75 |");
        report.ShouldContain($"| no-spin | {ScenarioNames.SessionMax} | monolith | 0.83 | 1.20 | 1.20 | 1.60 | 1.00 |  |");
    }

    [Fact]
    public void Without_variants_the_report_has_no_variant_table()
    {
        var result = new ComparisonResult(CompareSettings.Quick, ["microservices", "monolith"],
            [Run("microservices", 600, 6, 900, 20), Run("monolith", 1200, 6, 300, 10)], [], [], "none");

        ComparisonReport.Render(result, "# header", []).ShouldNotContain("Each variant against");
    }

    private static ScenarioRun Run(string topology, long sessions, double cpuSeconds, double memoryMb, double p50) =>
        new(topology, 1, 1, ScenarioNames.SessionMax, sessions, 0, 10, new Latency(sessions, p50, p50 * 1.5, p50 * 2, p50 * 3),
            new ResourceUsage(cpuSeconds, memoryMb, 1, 100));
}
