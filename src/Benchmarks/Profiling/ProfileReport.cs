using System.Text;
using Dating.Benchmarks.Comparison;
using Dating.Benchmarks.Load;
using static Dating.Benchmarks.Reports.ReportFile;

namespace Dating.Benchmarks.Profiling;

/// <summary>
/// <c>profile.md</c> (every process: components, top frames, top inclusive methods, the waits left out) and the short
/// summary in <c>report.md</c> (per component, what each topology spends per operation of each profiled scenario, and at rest).
/// </summary>
public static class ProfileReport
{
    private const int SummaryComponents = 12;

    public static string Summary(ComparisonResult result, IReadOnlyList<AnalyzedWindow> windows)
    {
        var text = new StringBuilder("### CPU profile (`--profile`: an extra pass, not one of the measured runs)\n\n");
        text.AppendLine(How(result, windows)).AppendLine();
        foreach (var window in windows.GroupBy(w => w.Window.Window))
        {
            ComponentTable(text, result, [.. window], SummaryComponents);
        }

        text.AppendLine("Every process's components, top frames and top inclusive methods: `profile.md`; the raw traces: `*.nettrace` (PerfView, `dotnet-trace convert`).");
        return text.ToString();
    }

    public static string Render(ComparisonResult result, IReadOnlyList<AnalyzedWindow> windows, string header)
    {
        var text = new StringBuilder(header).AppendLine().AppendLine();
        text.AppendLine(How(result, windows)).AppendLine();
        text.AppendLine("A sample is CPU when its thread was running managed code, or was in native code (a system call, the GC, the JIT) "
            + "without its leaf frame being a blocking wait (an idle thread-pool worker, the socket event loop in epoll, a sleep, a timer wait: "
            + "those are counted as waiting, and listed per process below so that the rule can be checked). A CPU sample is charged to a "
            + "**component**: the first frame from the leaf up that belongs to a named library or to our code, so that a memory copy or a "
            + "dictionary lookup inside Npgsql counts for Npgsql; samples with no such frame stay in plumbing buckets (tasks and thread pool, "
            + "base library, runtime). **Inclusive** = the share of CPU samples with the component anywhere on the stack. "
            + "Estimated CPU per operation (or cores at rest) = the process's CPU measured in the unprofiled runs of the same scenario, less what its JIT and GC threads used "
            + "(the sampler does not see those threads: their CPU time is shown as two rows of its own, from /proc), × the component's share of the process's CPU samples.").AppendLine();

        foreach (var window in windows.GroupBy(w => w.Window.Window))
        {
            ComponentTable(text, result, [.. window], int.MaxValue);
        }

        foreach (var window in windows)
        {
            Processes(text, result, window);
        }

        return text.ToString();
    }

    private static string How(ComparisonResult result, IReadOnlyList<AnalyzedWindow> windows)
    {
        var text = new StringBuilder("EventPipe on every process of each topology (the runtime's sample profiler, about one stack per managed thread per millisecond, "
            + "and the runtime provider's default keywords; managed frames named from the trace's method events and rundown), in the last round's one-replica "
            + "stacks after all of their measured scenarios: first at rest, then each scenario at max that the run measured. Sampling suspends the runtime about every millisecond, "
            + "so the profiled pass is slower than the measured one; its throughput is not reported as a result.");
        foreach (var max in windows.Where(w => !w.Window.AtRest))
        {
            var w = max.Window;
            var measured = MeasuredRuns(result, w);
            text.Append(Invariant($" {w.Topology}, {w.Window}: profiled {(w.Operations - w.Errors) / w.Seconds:0.0} {w.Unit}s/s, {CpuMsPerOperation(w):0.00} CPU ms per {w.Unit}"));
            if (measured.Count > 0)
            {
                text.Append(Invariant($" (measured, unprofiled: {measured.Average(r => r.Throughput):0.0}/s, {measured.Average(r => r.ServiceCpuMsPerOperation):0.00} ms)"));
            }

            text.Append('.');
        }

        return text.ToString();
    }

    private static double CpuMsPerOperation(ProfiledWindow w) => w.Operations - w.Errors <= 0 ? 0 : w.Resources.ServiceCpuSeconds * 1000 / (w.Operations - w.Errors);

    /// <summary>Component × topology: estimated CPU ms per operation (or cores at rest), summed over the topology's processes.</summary>
    private static void ComponentTable(StringBuilder text, ComparisonResult result, IReadOnlyList<AnalyzedWindow> windows, int rows)
    {
        var atRest = windows[0].Window.AtRest;
        var unit = atRest ? "CPU cores" : $"CPU ms per {windows[0].Window.Unit}";
        var estimates = windows.ToDictionary(w => w.Window.Topology, w => Estimates(result, w));
        var components = estimates.Values.SelectMany(e => e).GroupBy(e => e.Component)
            .OrderByDescending(g => g.Max(e => e.Value)).Select(g => g.Key).Take(rows).ToList();
        var topologies = windows.Select(w => w.Window.Topology).ToList();
        var difference = topologies.Count == 2;

        text.AppendLine($"**{windows[0].Window.Window}**: estimated {unit} by component (all of the topology's processes; per process in brackets when more than one)").AppendLine();
        text.AppendLine($"| component | {string.Join(" | ", topologies)} |{(difference ? $" {topologies[0]} − {topologies[1]} |" : "")}");
        text.AppendLine($"|---|{string.Concat(topologies.Select(_ => "---:|"))}{(difference ? "---:|" : "")}");
        var format = atRest ? "0.000" : "0.00";
        foreach (var component in components)
        {
            var cells = topologies.Select(t =>
            {
                var parts = estimates[t].Where(e => e.Component == component && Math.Round(e.Value, atRest ? 3 : 2) > 0).ToList();
                var sum = parts.Sum(p => p.Value);
                var detail = parts.Count > 1 || (parts.Count == 1 && windows.First(w => w.Window.Topology == t).Processes.Count > 1)
                    ? " (" + string.Join(", ", parts.OrderByDescending(p => p.Value).Select(p => $"{p.Process} {p.Value.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}")) + ")"
                    : "";
                return sum.ToString(format, System.Globalization.CultureInfo.InvariantCulture) + detail;
            }).ToList();
            var diff = difference
                ? $" {Signed(estimates[topologies[0]].Where(e => e.Component == component).Sum(e => e.Value) - estimates[topologies[1]].Where(e => e.Component == component).Sum(e => e.Value), format)} |"
                : "";
            text.AppendLine($"| {component} | {string.Join(" | ", cells)} |{diff}");
        }

        var totals = topologies.Select(t => estimates[t].Sum(e => e.Value)).ToList();
        text.AppendLine($"| **all (measured)** | {string.Join(" | ", totals.Select(v => v.ToString(format, System.Globalization.CultureInfo.InvariantCulture)))} |{(difference ? $" {Signed(totals[0] - totals[1], format)} |" : "")}");
        text.AppendLine();
    }

    /// <summary>The JIT's and the GC's own threads, which the sample profiler does not see: their part comes from /proc.</summary>
    public const string JitThread = "JIT: tiered compilation worker thread (/proc)";
    public const string GcThreads = "GC: the GC's own threads (/proc)";

    /// <summary>
    /// Per process and component: the measured CPU (per operation, or cores at rest) of the threads the sampler sees, times
    /// the component's share of the process's CPU samples; the JIT's and the GC's threads from their measured CPU time.
    /// </summary>
    public static IReadOnlyList<(string Process, string Component, double Value)> Estimates(ComparisonResult result, AnalyzedWindow window)
    {
        var measured = Measured(result, window.Window);
        var estimates = new List<(string, string, double)>();
        foreach (var p in window.Processes)
        {
            if (measured.GetValueOrDefault(p.Name) is not { } process)
            {
                continue;
            }

            var value = window.Window.AtRest ? process.CoresBusy : process.CpuMsPerOperation;
            var jit = Fraction(process, Load.ThreadKinds.Jit);
            var gc = Fraction(process, Load.ThreadKinds.Gc);
            var sampled = value * Math.Max(0, 1 - jit - gc);
            estimates.AddRange(p.Components.Select(c => (p.Name, c.Component, sampled * p.Share(c.Exclusive))));
            estimates.Add((p.Name, JitThread, value * jit));
            estimates.Add((p.Name, GcThreads, value * gc));
        }

        return estimates;
    }

    private static double Fraction(ProcessBreakdown process, string kind) =>
        process.CpuSeconds <= 0 ? 0 : Math.Min(1, process.Threads.CpuOf(kind) / process.CpuSeconds);

    /// <summary>Each process's CPU in the unprofiled runs (of the window's scenario, or at rest); the profiled pass's own when those did not run.</summary>
    private static Dictionary<string, ProcessBreakdown> Measured(ComparisonResult result, ProfiledWindow window)
    {
        if (window.AtRest)
        {
            var idle = result.Idle.Where(i => i.Topology == window.Topology && i.Replicas == 1).ToList();
            return ProcessBreakdown.Of([.. (idle.Count > 0 ? idle.Select(i => (i.Resources, 0L, i.Seconds)) : [(window.Resources, 0L, window.Seconds)])])
                .ToDictionary(p => p.Process);
        }

        var runs = MeasuredRuns(result, window);
        return ProcessBreakdown.Of([.. (runs.Count > 0 ? runs.Select(r => (r.Resources, r.Requests - r.Errors, r.Seconds)) : [(window.Resources, window.Operations - window.Errors, window.Seconds)])])
            .ToDictionary(p => p.Process);
    }

    private static List<ScenarioRun> MeasuredRuns(ComparisonResult result, ProfiledWindow window) =>
        [.. result.Runs.Where(r => r.Topology == window.Topology && r.Replicas == 1 && r.Scenario == window.Window)];

    private static void Processes(StringBuilder text, ComparisonResult result, AnalyzedWindow window)
    {
        var w = window.Window;
        text.AppendLine($"## {w.Topology}, {w.Window}").AppendLine();
        text.AppendLine(Invariant($"{w.Seconds:0.0} s{(w.Operations > 0 ? Invariant($", {w.Operations} {w.Unit}s, {w.Errors} errors") : "")}; CPU of the processes during the profiled window (with the profiler's own cost): {w.Resources.ServiceCpuSeconds:0.00} s."));
        text.AppendLine();
        text.AppendLine("Check of the sampling: **busy, sampled** = CPU samples per sampling tick, the threads that were not waiting on average "
            + "(the sampler cannot tell a running thread from one that is ready and waits for a core: on a saturated machine this is above the cores really used); "
            + "**busy, /proc** = the cores the same kinds of thread (all but the JIT's and the GC's own threads, which the sample profiler does not see) used by their CPU time. "
            + "**JIT + GC threads, /proc** = what the samples cannot show.").AppendLine();
        text.AppendLine("| process | threads sampled | samples | CPU samples | waiting | busy, sampled (cores) | busy, /proc (cores) | JIT + GC threads, /proc (cores) | all CPU, /proc (cores) | GCs | methods JIT-compiled | exceptions | lock contentions |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in window.Processes)
        {
            var usage = w.Resources.PerProcess.Where(u => u.Name == p.Name).ToList();
            var cpu = usage.Sum(u => u.CpuSeconds);
            var unseen = usage.Sum(u => u.Threads.CpuOf(Load.ThreadKinds.Jit, Load.ThreadKinds.Gc));
            var seen = usage.Sum(u => u.Threads.Sum(t => t.CpuSeconds)) - unseen;
            text.AppendLine(Invariant($"| {p.Name} | {p.Threads} | {p.Samples} | {p.CpuSamples} | {p.WaitingSamples} | {p.BusyThreads:0.00} | {seen / w.Seconds:0.00} | {unseen / w.Seconds:0.00} | {cpu / w.Seconds:0.00} | {Event(p, TraceReader.GcStarted)} | {Event(p, TraceReader.MethodCompiled)} | {Event(p, TraceReader.ExceptionThrown)} | {Event(p, TraceReader.LockContended)} |"));
        }

        text.AppendLine();
        var estimates = Estimates(result, window);
        var unit = w.AtRest ? "cores" : $"CPU ms per {w.Unit}";
        foreach (var p in window.Processes)
        {
            text.AppendLine($"### {w.Topology}, {w.Window}: {p.Name}").AppendLine();
            text.AppendLine($"| component | exclusive (charged) | inclusive (on the stack) | estimated {unit} |");
            text.AppendLine("|---|---:|---:|---:|");
            foreach (var c in p.Components)
            {
                var value = estimates.FirstOrDefault(e => e.Process == p.Name && e.Component == c.Component).Value;
                text.AppendLine(Invariant($"| {c.Component} | {p.Share(c.Exclusive):P1} | {p.Share(c.Inclusive):P1} | {value:0.000} |"));
            }

            foreach (var unseen in new[] { JitThread, GcThreads })
            {
                text.AppendLine(Invariant($"| {unseen} | – | – | {estimates.FirstOrDefault(e => e.Process == p.Name && e.Component == unseen).Value:0.000} |"));
            }

            text.AppendLine().AppendLine("Top frames (leaf method, CPU samples):").AppendLine();
            Methods(text, p, p.TopExclusive);
            text.AppendLine("Top inclusive methods (named components only; tasks, base library and runtime frames left out):").AppendLine();
            Methods(text, p, p.TopInclusive);
            text.AppendLine("Waiting (left out of CPU), top leaf frames:").AppendLine();
            text.AppendLine("| waiting leaf frame | samples |");
            text.AppendLine("|---|---:|");
            foreach (var m in p.TopWaits)
            {
                text.AppendLine(Invariant($"| `{m.Method}` | {m.Samples} |"));
            }

            text.AppendLine();
        }
    }

    private static void Methods(StringBuilder text, ProcessProfile p, IReadOnlyList<MethodCount> methods)
    {
        text.AppendLine("| method | component | share of CPU samples |");
        text.AppendLine("|---|---|---:|");
        foreach (var m in methods)
        {
            text.AppendLine(Invariant($"| `{m.Method.Replace("|", "\\|", StringComparison.Ordinal)}` | {m.Bucket} | {p.Share(m.Samples):P1} |"));
        }

        text.AppendLine();
    }

    private static int Event(ProcessProfile p, string name) => p.RuntimeEvents.GetValueOrDefault(name);

    private static string Signed(double value, string format)
    {
        var rounded = Math.Round(value, format.Length - 2);
        var text = Math.Abs(rounded).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        return rounded > 0 ? $"+{text}" : rounded < 0 ? $"−{text}" : text;
    }
}
