using Dating.Benchmarks.Load;
using Dating.BuildingBlocks.Modules;

namespace Dating.Benchmarks.Comparison;

/// <summary>
/// One service's CPU in a set of measurements (the rounds of one scenario, or the windows at rest), as a mean per
/// measurement: CPU seconds, per successful operation, its share of the topology's CPU, and by kind of thread.
/// </summary>
public sealed record ProcessBreakdown(string Process, double CpuSeconds, double CpuMsPerOperation, double CoresBusy, double Share, IReadOnlyList<ThreadCpu> Threads)
{
    /// <summary>Services in a fixed order: the gateway first, then the services, then the monolith.</summary>
    public static IReadOnlyList<string> Order { get; } = ["gateway", .. ModuleCatalog.All.Select(module => module.Name), "monolith"];

    /// <param name="measurements">Each measurement's resources, successful operations (0 at rest) and seconds.</param>
    public static IReadOnlyList<ProcessBreakdown> Of(IReadOnlyList<(ResourceUsage Resources, long Operations, double Seconds)> measurements)
    {
        if (measurements.Count == 0)
        {
            return [];
        }

        var total = measurements.Average(m => m.Resources.PerProcess.Sum(p => p.CpuSeconds));
        return
        [
            .. measurements.SelectMany(m => m.Resources.PerProcess.Select(p => (m.Operations, m.Seconds, Process: p)))
                .GroupBy(m => m.Process.Name)
                .OrderBy(g => Order.Contains(g.Key) ? Order.ToList().IndexOf(g.Key) : Order.Count).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    var cpu = g.Sum(m => m.Process.CpuSeconds) / measurements.Count;
                    var perOperation = g.Average(m => m.Operations <= 0 ? 0 : m.Process.CpuSeconds * 1000 / m.Operations);
                    var cores = g.Average(m => m.Seconds <= 0 ? 0 : m.Process.CpuSeconds / m.Seconds);
                    var threads = g.SelectMany(m => m.Process.Threads).GroupBy(t => t.Kind)
                        .Select(k => new ThreadCpu(k.Key, k.Sum(t => t.CpuSeconds) / measurements.Count))
                        .OrderByDescending(t => t.CpuSeconds).ToList();
                    return new ProcessBreakdown(g.Key, cpu, perOperation, cores, total <= 0 ? 0 : cpu / total, threads);
                }),
        ];
    }

    /// <summary>"thread pool workers 81%, GC threads 9%, …": the kinds of thread with at least 2% of the process's CPU; what ended threads spent is the rest.</summary>
    public string DescribeThreads()
    {
        // The process and its threads are read a moment apart, in 10 ms ticks: the threads may add up to a little more.
        var total = Math.Max(CpuSeconds, Threads.Sum(t => t.CpuSeconds));
        if (total <= 0)
        {
            return "–";
        }

        var parts = Threads.Where(t => t.CpuSeconds / total >= 0.02)
            .Select(t => Reports.ReportFile.Invariant($"{t.Kind} {t.CpuSeconds / total:P0}")).ToList();
        var ended = total - Threads.Sum(t => t.CpuSeconds);
        if (ended / total >= 0.02)
        {
            parts.Add(Reports.ReportFile.Invariant($"threads that ended {ended / CpuSeconds:P0}"));
        }

        return parts.Count == 0 ? "–" : string.Join(", ", parts);
    }
}
