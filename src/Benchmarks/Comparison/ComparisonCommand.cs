using Dating.AppHost.Options;
using Dating.Benchmarks.Profiling;
using Dating.Benchmarks.Reports;

namespace Dating.Benchmarks.Comparison;

/// <summary>
/// The <c>compare</c> verb: runs the comparison, then writes <c>report.md</c> and the charts into
/// <c>&lt;resultsRoot&gt;/&lt;timestamp&gt;/</c> (with <c>--profile</c> also <c>profile.md</c> and one <c>.nettrace</c> per
/// profiled process). Every stack is the app host's, backing services included.
/// </summary>
public static class ComparisonCommand
{
    public static async Task<ComparisonOutput> RunAsync(
        bool quick, IReadOnlyList<Topology> topologies, string resultsRoot, Action<string> log, CancellationToken ct, CompareOptions? options = null)
    {
        options ??= CompareOptions.Default;
        var settings = options.Apply(quick ? CompareSettings.Quick : CompareSettings.Full);
        var folder = Path.Combine(resultsRoot, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}{(quick ? "-quick" : "")}");
        Directory.CreateDirectory(folder);
        var result = await new ComparisonBenchmark(settings, topologies, log, options, folder).RunAsync(ct);
        var charts = ComparisonCharts.Write(result, folder);
        var description = $"machine: {MachineInfo.Describe()}; load generator on the same machine. {settings.Describe()}"
            + (options.Scenarios is null && options.AllVariants.Count == 0 && options.Rounds is null ? "" : $" This run: {options.Describe()}.");
        var title = $"Monolith versus microservices: {string.Join(" and ", topologies.Select(ComparisonBenchmark.NameOf))}"
            + (options.AllVariants.Count == 0 ? "" : $", and the variants {string.Join(", ", options.AllVariants.Select(v => v.Name))}");
        var header = await ReportFile.HeaderAsync(title, quick, description);
        string? profile = null;
        if (result.Profiles.Count > 0)
        {
            try
            {
                var windows = AnalyzedWindow.ReadAll(result.Profiles, log);
                await File.WriteAllTextAsync(Path.Combine(folder, "profile.md"),
                    ProfileReport.Render(result, windows, await ReportFile.HeaderAsync($"CPU profile: {string.Join(" and ", topologies.Select(ComparisonBenchmark.NameOf))}", quick, description)), ct);
                profile = ProfileReport.Summary(result, windows);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The measurements still get their report; the traces stay in the folder.
                log($"reading the traces failed: {e}");
                profile = $"### CPU profile\n\nReading the traces failed ({e.GetType().Name}: {e.Message}); the raw traces are in this folder.";
            }
        }

        var markdown = ComparisonReport.Render(result, header, charts, profile);
        var file = Path.Combine(folder, "report.md");
        await File.WriteAllTextAsync(file, markdown, ct);
        return new ComparisonOutput(folder, file, markdown, result);
    }
}
