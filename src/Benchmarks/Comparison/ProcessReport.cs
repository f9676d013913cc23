using System.Text;
using static Dating.Benchmarks.Reports.ReportFile;

namespace Dating.Benchmarks.Comparison;

/// <summary>The report's per-process section: where each topology's CPU goes, per service and per kind of thread.</summary>
public static class ProcessReport
{
    public static void Render(StringBuilder text, ComparisonResult result)
    {
        text.AppendLine("### Where the CPU goes, per process").AppendLine();
        text.AppendLine("CPU time (user + system, from /proc) of each of the topology's processes, one replica each, mean over rounds; "
            + "by kind of thread from each thread's own CPU time and name (/proc/<pid>/task): the thread pool runs requests and continuations, "
            + "the socket event loop wakes them, the GC and the JIT's tiered-compilation worker have threads of their own.").AppendLine();

        var max = result.Runs.Where(r => r.Replicas == 1 && r.Scenario == ScenarioNames.SessionMax).ToList();
        if (max.Count > 0)
        {
            text.AppendLine($"**{ScenarioNames.SessionMax}**:").AppendLine();
            text.AppendLine("| topology | process | CPU s | CPU ms per session | share of the topology's CPU | by kind of thread |");
            text.AppendLine("|---|---|---:|---:|---:|---|");
            foreach (var topology in result.Topologies)
            {
                var runs = max.Where(r => r.Topology == topology).ToList();
                foreach (var p in ProcessBreakdown.Of([.. runs.Select(r => (r.Resources, r.Requests - r.Errors, r.Seconds))]))
                {
                    text.AppendLine(Invariant($"| {topology} | {p.Process} | {p.CpuSeconds:0.00} | {p.CpuMsPerOperation:0.00} | {p.Share:P0} | {p.DescribeThreads()} |"));
                }

                if (runs.Count > 0)
                {
                    text.AppendLine(Invariant($"| {topology} | **all** | {runs.Average(r => r.Resources.ServiceCpuSeconds):0.00} | {runs.Average(r => r.ServiceCpuMsPerOperation):0.00} | 100% | |"));
                }
            }

            text.AppendLine();
        }

        if (result.Idle.Count > 0)
        {
            text.AppendLine("**At rest** (the window after the warm-up):").AppendLine();
            text.AppendLine("| topology | replicas | process | CPU cores busy | share of the topology's CPU | by kind of thread |");
            text.AppendLine("|---|---:|---|---:|---:|---|");
            foreach (var group in result.Idle.GroupBy(i => (i.Topology, i.Replicas)))
            {
                foreach (var p in ProcessBreakdown.Of([.. group.Select(i => (i.Resources, 0L, i.Seconds))]))
                {
                    text.AppendLine(Invariant($"| {group.Key.Topology} | {group.Key.Replicas} | {p.Process} | {p.CoresBusy:0.000} | {p.Share:P0} | {p.DescribeThreads()} |"));
                }
            }

            text.AppendLine();
        }

        EveryScenario(text, result);
    }

    private static void EveryScenario(StringBuilder text, ComparisonResult result)
    {
        var processes = result.Runs.SelectMany(r => r.Resources.PerProcess.Select(p => p.Name)).Distinct()
            .OrderBy(n => ProcessBreakdown.Order.Contains(n) ? ProcessBreakdown.Order.ToList().IndexOf(n) : ProcessBreakdown.Order.Count).ToList();
        if (processes.Count == 0)
        {
            return;
        }

        text.AppendLine("**CPU ms per operation, per process, every scenario** (one replica, mean over rounds):").AppendLine();
        text.AppendLine($"| scenario | topology | {string.Join(" | ", processes)} | all |");
        text.AppendLine($"|---|---|{string.Concat(processes.Select(_ => "---:|"))}---:|");
        foreach (var scenario in ScenarioNames.All)
        {
            foreach (var topology in result.Topologies)
            {
                var runs = result.Runs.Where(r => r.Replicas == 1 && r.Scenario == scenario && r.Topology == topology).ToList();
                if (runs.Count == 0)
                {
                    continue;
                }

                var breakdown = ProcessBreakdown.Of([.. runs.Select(r => (r.Resources, r.Requests - r.Errors, r.Seconds))]);
                var cells = processes.Select(n => breakdown.FirstOrDefault(b => b.Process == n) is { } b ? Invariant($"{b.CpuMsPerOperation:0.00}") : "");
                text.AppendLine(Invariant($"| {scenario} | {topology} | {string.Join(" | ", cells)} | {runs.Average(r => r.ServiceCpuMsPerOperation):0.00} |"));
            }
        }

        text.AppendLine();
    }
}
