using Dating.AppHost.BackingServices;
using Dating.AppHost.Orchestration;
using Dating.Benchmarks.Reports;

namespace Dating.Benchmarks.Comparison;

/// <summary>
/// The <c>compare</c> verb: runs the comparison, then writes <c>report.md</c> and the charts into
/// <c>&lt;resultsRoot&gt;/&lt;timestamp&gt;/</c>. On <paramref name="backing"/> when given (the test suite's), else on its own.
/// </summary>
public static class ComparisonCommand
{
    public static async Task<ComparisonOutput> RunAsync(
        bool quick, IReadOnlyList<Topology> topologies, string resultsRoot, Action<string> log, CancellationToken ct, BackingServiceSet? backing = null)
    {
        var settings = quick ? CompareSettings.Quick : CompareSettings.Full;
        var owned = backing is null ? await BackingServiceSet.StartAsync(BackingServicesOptions.ForTests(log), ct) : null;
        try
        {
            var result = await new ComparisonBenchmark(settings, topologies, log).RunAsync(backing ?? owned!, ct);
            var folder = Path.Combine(resultsRoot, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}{(quick ? "-quick" : "")}");
            Directory.CreateDirectory(folder);
            var charts = ComparisonCharts.Write(result, folder);
            var header = await ReportFile.HeaderAsync($"Monolith versus microservices: {string.Join(" and ", result.Topologies)}", quick,
                $"machine: {MachineInfo.Describe()}; load generator on the same machine. {settings.Describe()}");
            var markdown = ComparisonReport.Render(result, header, charts);
            var file = Path.Combine(folder, "report.md");
            await File.WriteAllTextAsync(file, markdown, ct);
            return new ComparisonOutput(folder, file, markdown, result);
        }
        finally
        {
            if (owned is not null)
            {
                await owned.StopAsync();
            }
        }
    }
}
