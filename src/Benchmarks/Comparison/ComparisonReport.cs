using System.Text;
using static Dating.Benchmarks.Reports.ReportFile;

namespace Dating.Benchmarks.Comparison;

/// <summary>The Markdown report: speed, ratios, scaling, fault isolation, the targets, every run; charts beside it.</summary>
public static class ComparisonReport
{
    private const string Micro = "microservices";
    private const string Mono = "monolith";

    /// <param name="profile">The profile's summary (with <c>--profile</c>), placed after the per-process tables.</param>
    public static string Render(ComparisonResult result, string header, IReadOnlyList<(string File, string Title)> charts, string? profile = null)
    {
        var summaries = ScenarioSummary.Of(result.Runs);
        var text = new StringBuilder(header).AppendLine().AppendLine();
        text.AppendLine($"Seeded data: {result.SeedOutput}.").AppendLine();
        text.AppendLine("Both topologies run as the AppHost runs them: the microservices behind the YARP gateway; one monolith process "
            + "serves the public API itself (no gateway: in-process calls are its point); two monolith processes sit behind the same gateway.").AppendLine();
        text.AppendLine("CPU and memory: **services** = the topology's own processes (every service replica, or the monolith, and the gateway "
            + "when there is one); **backing** = PostgreSQL (with its backend processes), Redis, RabbitMQ and Azurite, measured separately "
            + "(they run for both topologies; the monolith does not use RabbitMQ). CPU is user + system time during the scenario; "
            + "peak memory is the highest sum over the processes of their resident memory at one 100 ms sample, counted as PSS (proportional set size: a shared page is split among the processes that map it, so PostgreSQL's shared buffers count once). Latency of open-model scenarios is measured from "
            + "the intended send time (no coordinated omission); a session's latency is the whole session's.").AppendLine();

        Speed(text, summaries, result.Topologies);
        Idle(text, result.Idle);
        Ratios(text, summaries, result.Topologies);
        Variants(text, summaries, result);
        ProcessReport.Render(text, result);
        if (profile is not null)
        {
            text.AppendLine(profile).AppendLine();
        }

        // The experiments' sections only where they ran (--scenarios can leave them out).
        if (result.Options.RunsScaling)
        {
            Scaling(text, summaries, result.Topologies);
        }

        if (result.Options.RunsFault)
        {
            Faults(text, result.Faults);
        }

        Targets(text, summaries, result);
        foreach (var (file, title) in charts)
        {
            text.AppendLine($"![{title}]({file})").AppendLine();
        }

        EveryRun(text, result.Runs);
        return text.ToString();
    }

    private static void Speed(StringBuilder text, IReadOnlyList<ScenarioSummary> summaries, IReadOnlyList<string> topologies)
    {
        text.AppendLine("### Speed (one process per service, or one monolith; mean over rounds)").AppendLine();
        text.AppendLine("| scenario | topology | operations | throughput /s | p50 ms | p90 ms | p99 ms | max ms | errors | services CPU ms/op | services peak memory MB | backing CPU s | backing peak memory MB |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var scenario in ScenarioNames.All)
        {
            foreach (var topology in topologies)
            {
                if (Find(summaries, topology, 1, scenario) is { } s)
                {
                    text.AppendLine(Invariant($"| {scenario} | {topology} | {s.Requests} | {s.Throughput:0.0} | {s.Latency.Cells()} | {s.ErrorRate:P1} | {s.ServiceCpuMsPerOperation:0.00} | {s.Resources.ServicePeakMemoryMb:0} | {s.Resources.BackingCpuSeconds:0.0} | {s.Resources.BackingPeakMemoryMb:0} |"));
                }
            }
        }

        text.AppendLine();
    }

    private static void Idle(StringBuilder text, IReadOnlyList<IdleRun> idle)
    {
        text.AppendLine("### At rest (after the warm-up, no load)").AppendLine();
        text.AppendLine("What the processes cost with nothing to do (timers, health checks, outbox sweeps): at low rates this is most of the CPU per operation above. "
            + "Warm-up: how long the stack took mixed sessions at max until the tiered JIT had caught up (its threads' share of the services' CPU in the last step), per round. "
            + "Came to rest: seconds from the end of the warm-up until the processes were at rest, per round; nothing is measured before.").AppendLine();
        text.AppendLine("| topology | replicas | warm-up (JIT in the last step) | came to rest after | services: CPU cores busy | services memory MB | backing: CPU cores busy | backing memory MB |");
        text.AppendLine("|---|---:|---|---|---:|---:|---:|---:|");
        foreach (var group in idle.GroupBy(i => (i.Topology, i.Replicas)))
        {
            var settled = string.Join(", ", group.Select(i => i.SettledSeconds is { } s ? Invariant($"{s:0} s") : "not within the limit"));
            var warmups = string.Join(", ", group.Select(i => i.Warmup is { } w ? Invariant($"{w.Seconds:0} s ({w.JitShare:0.0%})") : "–"));
            text.AppendLine(Invariant($"| {group.Key.Topology} | {group.Key.Replicas} | {warmups} | {settled} | {group.Average(i => i.ServiceCores):0.00} | {group.Max(i => i.Resources.ServicePeakMemoryMb):0} | {group.Average(i => i.Seconds <= 0 ? 0 : i.Resources.BackingCpuSeconds / i.Seconds):0.00} | {group.Max(i => i.Resources.BackingPeakMemoryMb):0} |"));
        }

        text.AppendLine();
    }

    private static void Ratios(StringBuilder text, IReadOnlyList<ScenarioSummary> summaries, IReadOnlyList<string> topologies)
    {
        text.AppendLine("### Microservices ÷ monolith").AppendLine();
        if (!topologies.Contains(Micro) || !topologies.Contains(Mono))
        {
            text.AppendLine("Not computed: this run measured only " + string.Join(" and ", topologies) + ".").AppendLine();
            return;
        }

        text.AppendLine("Above 1: microservices higher (for throughput, better; for latency, CPU and memory, worse).").AppendLine();
        text.AppendLine("| scenario | throughput | p50 | p99 | services CPU per op | services peak memory |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var scenario in ScenarioNames.All)
        {
            if (Find(summaries, Micro, 1, scenario) is { } m && Find(summaries, Mono, 1, scenario) is { } o)
            {
                text.AppendLine($"| {scenario} | {Ratio(m.Throughput, o.Throughput)} | {Ratio(m.Latency.P50, o.Latency.P50)} | {Ratio(m.Latency.P99, o.Latency.P99)} | "
                    + $"{Ratio(m.ServiceCpuMsPerOperation, o.ServiceCpuMsPerOperation)} | {Ratio(m.Resources.ServicePeakMemoryMb, o.Resources.ServicePeakMemoryMb)} |");
            }
        }

        text.AppendLine();
    }

    private static void Variants(StringBuilder text, IReadOnlyList<ScenarioSummary> summaries, ComparisonResult result)
    {
        if (result.Options.AllVariants.Count == 0)
        {
            return;
        }

        text.AppendLine("### Each variant against the stack as it ships (same run, one replica)").AppendLine();
        text.AppendLine("Variant ÷ as shipped, per topology: above 1 is more (for throughput, better; for latency, CPU and memory, worse). "
            + "Microservices ÷ monolith is under the variant (as shipped: the table above). Round by round: the variant's throughput ÷ the "
            + "stack's as shipped in the same round; an effect smaller than their spread is not one this run can tell, and a variant that "
            + "changes nothing in a topology (a setting for a process it does not have) shows that spread alone.").AppendLine();
        text.AppendLine("| variant | scenario | topology | throughput | p50 | p99 | services CPU per op | services peak memory | microservices ÷ monolith: throughput | throughput round by round |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var variant in result.Options.AllVariants)
        {
            foreach (var scenario in ScenarioNames.All)
            {
                foreach (var topology in new[] { Micro, Mono })
                {
                    if (Find(summaries, variant.Label(topology), 1, scenario) is not { } v || Find(summaries, topology, 1, scenario) is not { } shipped)
                    {
                        continue;
                    }

                    var split = topology == Micro && Find(summaries, variant.Label(Mono), 1, scenario) is { } mono ? Ratio(v.Throughput, mono.Throughput) : "";
                    text.AppendLine($"| {variant.Name} | {scenario} | {topology} | {Ratio(v.Throughput, shipped.Throughput)} | {Ratio(v.Latency.P50, shipped.Latency.P50)} | "
                        + $"{Ratio(v.Latency.P99, shipped.Latency.P99)} | {Ratio(v.ServiceCpuMsPerOperation, shipped.ServiceCpuMsPerOperation)} | "
                        + $"{Ratio(v.Resources.ServicePeakMemoryMb, shipped.Resources.ServicePeakMemoryMb)} | {split} | {RoundByRound(result.Runs, variant.Label(topology), topology, scenario)} |");
                }
            }
        }

        text.AppendLine();
    }

    private static void Scaling(StringBuilder text, IReadOnlyList<ScenarioSummary> summaries, IReadOnlyList<string> topologies)
    {
        text.AppendLine("### Scaling up and out: the mixed session on 1 CPU and on all, with 1 replica and 2").AppendLine();
        text.AppendLine(Invariant($"1 CPU = every process of the stack (services and servers) confined to CPU 0 with taskset once started, and .NET told so (DOTNET_PROCESSOR_COUNT=1); the load generator is not confined. All = the machine's {Environment.ProcessorCount}. ")
            + "2 replicas = two processes of matching and of chat (microservices), or two monolith processes, behind the same gateway. "
            + "CPU per session is the stack's processes' CPU time per session at max. Each row ÷ the topology's 1 replica on all CPUs.").AppendLine();
        text.AppendLine("| topology | CPUs | replicas | fixed rate: p50 ms | p99 ms | errors | max throughput /s | max: p99 ms | CPU ms per session | services peak memory MB | max throughput ÷ |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var topology in topologies)
        {
            var baseline = Find(summaries, topology, 1, ScenarioNames.SessionMax);
            foreach (var step in ScalingStep.All)
            {
                var label = step.Label(topology);
                if (Find(summaries, label, step.Replicas, ScenarioNames.Session) is { } open && Find(summaries, label, step.Replicas, ScenarioNames.SessionMax) is { } max)
                {
                    var ratio = baseline is null || step.IsBaseline ? "" : Ratio(max.Throughput, baseline.Throughput);
                    text.AppendLine(Invariant($"| {topology} | {step.Cpus} | {step.Replicas} | {open.Latency.P50:0.0} | {open.Latency.P99:0.0} | {open.ErrorRate + max.ErrorRate:P1} | {max.Throughput:0.0} | {max.Latency.P99:0.0} | {max.ServiceCpuMsPerOperation:0.0} | {Math.Max(open.Resources.ServicePeakMemoryMb, max.Resources.ServicePeakMemoryMb):0} | {ratio} |"));
                }
            }
        }

        text.AppendLine();
    }

    private static void Faults(StringBuilder text, IReadOnlyList<FaultRun> faults)
    {
        text.AppendLine("### Fault isolation: chat killed during the mixed session").AppendLine();
        text.AppendLine("SIGKILL, no restart. Microservices: every chat process; monolith: its one process (the same fault: chat lives in it). "
            + Invariant($"Before = steps that ended before the kill; after = steps that started at least {ComparisonBenchmark.SettleTime.TotalMilliseconds:0} ms after it (steps running across the kill or in the first moments after it are left out).")).AppendLine();
        text.AppendLine("| topology | killed | step | before: steps | errors | after: steps | errors |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|");
        foreach (var f in faults)
        {
            text.AppendLine(Invariant($"| {f.Topology} | {f.Killed} | {f.Step} | {f.RequestsBefore} | {f.ErrorRateBefore:P1} | {f.RequestsAfter} | {f.ErrorRateAfter:P1} |"));
        }

        text.AppendLine();
    }

    private static void Targets(StringBuilder text, IReadOnlyList<ScenarioSummary> summaries, ComparisonResult result)
    {
        text.AppendLine("### Targets, where each stands in this run").AppendLine();
        text.AppendLine("| issue | target | topology | measured | met |");
        text.AppendLine("|---:|---|---|---:|---|");
        var micro = Find(summaries, Micro, 1, ScenarioNames.SessionMax);
        var mono = Find(summaries, Mono, 1, ScenarioNames.SessionMax);
        if (micro is not null && mono is { Throughput: > 0 })
        {
            var ratio = micro.Throughput / mono.Throughput;
            text.AppendLine(Invariant($"| 9 | mixed session max throughput, microservices ≥ 60% of the monolith's | both | {ratio:P1} | {Met(ratio >= 0.6)} |"));
        }

        foreach (var (scenario, label, limit) in new[]
                 {
                     (ScenarioNames.Propagation, "event propagation p99 < 200 ms", 200.0),
                     (ScenarioNames.Message, "chat delivery p99 < 50 ms", 50.0),
                     (ScenarioNames.Recommendations, Invariant($"recommendations p99 < 50 ms at {result.Settings.SeededUsers:N0} seeded users"), 50.0),
                 })
        {
            foreach (var topology in result.Topologies)
            {
                if (Find(summaries, topology, 1, scenario) is { } s)
                {
                    text.AppendLine(Invariant($"| 9 | {label} | {topology} | {s.Latency.P99:0.0} ms | {Met(s.Latency.P99 < limit)} |"));
                }
            }
        }

        if (micro is not null && mono is { Throughput: > 0 })
        {
            var ratio = micro.Throughput / mono.Throughput;
            text.AppendLine(Invariant($"| 17 | mixed session max throughput, microservices ≥ 0.75 of the monolith's | both | {ratio:0.00} | {Met(ratio >= 0.75)} |"));
            if (mono.Resources.ServicePeakMemoryMb > 0)
            {
                var memory = micro.Resources.ServicePeakMemoryMb / mono.Resources.ServicePeakMemoryMb;
                text.AppendLine(Invariant($"| 17 | services' memory (peak, mixed session at max) at most 2 × the monolith's | both | {micro.Resources.ServicePeakMemoryMb:0} ÷ {mono.Resources.ServicePeakMemoryMb:0} MB = {memory:0.00} | {Met(memory <= 2)} |"));
            }
        }

        // Issue 17's rows stand for the stack as it ships; a variant's numbers are in the variants' table.
        var shippedTopologies = result.Topologies.Where(t => t is Micro or Mono).ToList();
        foreach (var topology in shippedTopologies)
        {
            if (Find(summaries, topology, 1, ScenarioNames.RecommendationsMax) is { Latency.P50: > 0 } r)
            {
                var tail = r.Latency.P99 / r.Latency.P50;
                text.AppendLine(Invariant($"| 17 | recommendations at max: p99 at most 3 × p50 | {topology} | {r.Latency.P99:0.0} ÷ {r.Latency.P50:0.0} ms = {tail:0.00} | {Met(tail <= 3)} |"));
            }
        }

        // "Twice today's throughput" needs today's stack in the same run: a variant that reverts the changes made since,
        // named before… (before-17); the other variants each change one thing and are no baseline for it.
        foreach (var topology in shippedTopologies)
        {
            if (Find(summaries, topology, 1, ScenarioNames.PublicProfileMax) is not { } shipped)
            {
                continue;
            }

            var baselines = result.Options.AllVariants
                .Where(v => v.Name.StartsWith(BaselinePrefix, StringComparison.OrdinalIgnoreCase))
                .Select(v => (v.Name, Summary: Find(summaries, v.Label(topology), 1, ScenarioNames.PublicProfileMax)))
                .Where(b => b.Summary is { Throughput: > 0 })
                .ToList();
            var measured = Invariant($"{shipped.Throughput:0}/s");
            text.AppendLine(baselines.Count == 0
                ? $"| 17 | cached public profile read at max: at least 2 × the throughput before issue 17 | {topology} | {measured} | – (no before… variant of the earlier stack in this run) |"
                : $"| 17 | cached public profile read at max: at least 2 × the throughput before issue 17 | {topology} | {measured}; "
                    + string.Join("; ", baselines.Select(b => Invariant($"÷ {b.Name} {shipped.Throughput / b.Summary!.Throughput:0.00}")))
                    + $" | {string.Join("; ", baselines.Select(b => $"{Met(shipped.Throughput >= 2 * b.Summary!.Throughput)} against {b.Name}"))} |");
        }

        text.AppendLine().AppendLine("The gateway's own cost (issue 9: under 1 ms at p50; issue 17: under 0.3 ms at p50 at 1,000 cached reads/s) is measured by the `profiles` benchmark (gateway versus direct); here it is part of the "
            + "microservices' numbers (and of the 2-replica monolith's), while one monolith process serves the public API itself.").AppendLine();
    }

    /// <summary>The name a variant reverting issue 17's changes starts with, for the cached read's target row.</summary>
    public const string BaselinePrefix = "before";

    private static string Met(bool met) => met ? "yes" : "no";

    private static void EveryRun(StringBuilder text, IReadOnlyList<ScenarioRun> runs)
    {
        text.AppendLine("### Every run").AppendLine();
        text.AppendLine("| round | topology | replicas | scenario | operations | errors | s | throughput /s | p50 ms | p90 ms | p99 ms | max ms | services CPU s | services peak memory MB | backing CPU s | backing peak memory MB |");
        text.AppendLine("|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in runs)
        {
            text.AppendLine(Invariant($"| {r.Round} | {r.Topology} | {r.Replicas} | {r.Scenario} | {r.Requests} | {r.Errors} | {r.Seconds:0.0} | {r.Throughput:0.0} | {r.Latency.Cells()} | {r.Resources.ServiceCpuSeconds:0.00} | {r.Resources.ServicePeakMemoryMb:0} | {r.Resources.BackingCpuSeconds:0.00} | {r.Resources.BackingPeakMemoryMb:0} |"));
        }
    }

    private static ScenarioSummary? Find(IReadOnlyList<ScenarioSummary> summaries, string topology, int replicas, string scenario) =>
        summaries.FirstOrDefault(s => s.Topology == topology && s.Replicas == replicas && s.Scenario == scenario);

    private static string Ratio(double a, double b) => b == 0 ? "–" : Invariant($"{a / b:0.00}");

    // The variant's throughput ÷ the stack's as shipped, paired by round (one replica).
    private static string RoundByRound(IReadOnlyList<ScenarioRun> runs, string variant, string shipped, string scenario)
    {
        double? Of(string topology, int round) =>
            runs.FirstOrDefault(r => r.Topology == topology && r.Replicas == 1 && r.Scenario == scenario && r.Round == round)?.Throughput;
        var rounds = runs.Where(r => r.Topology == variant && r.Replicas == 1 && r.Scenario == scenario).Select(r => r.Round).Distinct().Order();
        return string.Join(", ", rounds.Select(round => (Of(variant, round), Of(shipped, round)) is ({ } a, { } b) ? Ratio(a, b) : "–"));
    }
}
