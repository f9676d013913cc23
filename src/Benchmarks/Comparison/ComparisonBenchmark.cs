using System.Diagnostics;
using Dating.AppHost.Options;
using Dating.Benchmarks.Api;
using Dating.Benchmarks.Load;
using Dating.Benchmarks.Profiling;
using Dating.Benchmarks.Reports;
using Dating.Benchmarks.Stacks;
using Dating.BuildingBlocks.Modules;
using HdrHistogram;

namespace Dating.Benchmarks.Comparison;

/// <summary>
/// The same scenarios on each topology, each run on a fresh stack (the app host, backing services included) with the
/// same data, topologies alternating A B A B:
/// speed (every scenario, one process per service or one monolith), horizontal scaling (the mixed session with two
/// replicas of matching and chat, or two monoliths), and in the last round fault isolation (chat killed during the
/// mixed session; in the monolith the same fault kills its one process). With <see cref="CompareOptions.Profile"/>, the
/// last round's one-replica stacks also get a profiled pass (at rest, then each scenario at max that it measured) after everything
/// measured on them, traces into <paramref name="traceFolder"/>. Each of <see cref="CompareOptions.Variants"/> runs every
/// topology again in every round, one replica, with its settings in every .NET process (<see cref="RuntimeVariant"/>). The
/// scaling experiment also runs each topology confined to one CPU (<see cref="RuntimeVariant.OneCpu"/>): scaling up.
/// </summary>
public sealed class ComparisonBenchmark(
    CompareSettings settings, IReadOnlyList<Topology> topologies, Action<string> log, CompareOptions? options = null, string? traceFolder = null)
{
    private readonly CompareOptions _options = options ?? CompareOptions.Default;

    // The built checkout of each revision a variant runs (RevisionBuild), by revision.
    private IReadOnlyDictionary<string, string> _revisions = new Dictionary<string, string>();

    /// <summary>Steps that start within this time after the kill (or run across it) are left out of the fault table: the process is still dying.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(500);

    public async Task<ComparisonResult> RunAsync(CancellationToken ct)
    {
        var seeds = new List<(double Seconds, string Output)>();
        var runs = new List<ScenarioRun>();
        var faults = new List<FaultRun>();
        var idle = new List<IdleRun>();
        var profiles = new List<ProfiledWindow>();
        _revisions = await RevisionBuild.PrepareAsync(_options.AllVariants, log, ct);
        for (var round = 1; round <= settings.Rounds; round++)
        {
            foreach (var replicas in _options.RunsScaling ? new[] { 1, 2 } : [1])
            {
                foreach (var topology in topologies)
                {
                    var last = replicas == 1 && round == settings.Rounds;
                    var fault = last && _options.RunsFault;
                    runs.AddRange(await RunStackAsync(seeds, topology, null, replicas, round, fault ? faults : null, idle, last && _options.Profile ? profiles : null, ct));
                }
            }

            // Scaling up against scaling out: the same stack on one CPU, beside it on all of them with 1 and 2 replicas.
            if (_options.RunsScaling)
            {
                foreach (var topology in topologies)
                {
                    runs.AddRange(await RunStackAsync(seeds, topology, RuntimeVariant.OneCpu, 1, round, null, idle, null, ct));
                }
            }

            // Each variant beside the stack as it ships, in the same round: one replica, the speed scenarios only.
            foreach (var variant in _options.AllVariants)
            {
                foreach (var topology in topologies)
                {
                    runs.AddRange(await RunStackAsync(seeds, topology, variant, 1, round, null, idle, null, ct));
                }
            }
        }

        string[] labels = [.. topologies.Select(NameOf), .. _options.AllVariants.SelectMany(v => topologies.Select(t => v.Label(NameOf(t))))];
        return new ComparisonResult(settings, labels, runs, faults, idle, DescribeSeeds(seeds)) { Profiles = profiles, Options = _options };
    }

    // Mixed sessions at max, a step at a time, until the tiered JIT has caught up with them (WarmUp) or the limit.
    private async Task<(double Seconds, double JitShare)> WarmUpAsync(BenchmarkStack stack, ComparisonScenarios scenarios, CancellationToken ct)
    {
        var warming = Stopwatch.StartNew();
        while (true)
        {
            await using var meter = ResourceMeter.Start(() => ServiceProcesses(stack), () => []);
            await LoadGenerator.ClosedAsync(i => scenarios.SessionAsync(i), settings.MaxClients, settings.Warmup, ct);
            var share = WarmUp.JitShare(await meter.StopAsync());
            log(ReportFile.Invariant($"warm-up: {warming.Elapsed.TotalSeconds:0} s, the tiered JIT {share:0.0%} of the services' CPU in the last step"));
            if (share < settings.WarmJitShare || warming.Elapsed >= settings.WarmupLimit)
            {
                return (warming.Elapsed.TotalSeconds, share);
            }
        }
    }

    public static string NameOf(Topology topology) => topology.ToString().ToLowerInvariant();

    /// <summary>Two of what scales: matching and chat in microservices, the whole process in the monolith.</summary>
    public static IReadOnlyDictionary<string, int> ReplicasFor(Topology topology, int count) =>
        count == 1 ? new Dictionary<string, int>()
        : topology == Topology.Microservices ? new Dictionary<string, int> { [ModuleCatalog.Matching.Name] = count, [ModuleCatalog.Chat.Name] = count }
        : new Dictionary<string, int> { ["monolith"] = count };

    /// <summary>What the fault kills: every chat process, or every monolith process (the same fault takes the whole monolith down).</summary>
    public static IReadOnlyList<StackProcess> FaultTargets(BenchmarkStack stack, Topology topology) =>
        topology == Topology.Microservices ? [.. stack.ReplicasOf(ModuleCatalog.Chat.Name)] : [.. stack.Replicas];

    /// <summary>The seeder's summary line (identical in every stack: the same random seed) and its wall time per stack.</summary>
    private static string DescribeSeeds(IReadOnlyList<(double Seconds, string Output)> seeds) =>
        seeds.Count == 0
            ? "none"
            : ReportFile.Invariant($"{string.Join(" ", seeds[0].Output.Split('\n').Where(l => l.StartsWith("Seeded", StringComparison.Ordinal)))} ")
              + ReportFile.Invariant($"({seeds.Average(s => s.Seconds):0.0} s on average, into each of the {seeds.Count} stacks before its services started)");

    private async Task<IReadOnlyList<ScenarioRun>> RunStackAsync(
        List<(double Seconds, string Output)> seeds, Topology topology, RuntimeVariant? variant, int replicas, int round, List<FaultRun>? faults, List<IdleRun> idle,
        List<ProfiledWindow>? profiles, CancellationToken ct)
    {
        var name = variant?.Label(NameOf(topology)) ?? NameOf(topology);
        log($"== {name}, {replicas} replica(s), round {round}");
        await using var stack = await BenchmarkStack.StartAsync(
            log, ct, ReplicasFor(topology, replicas), variant?.Environment, topology: topology, seededUsers: settings.SeededUsers,
            projectsRoot: variant?.Revision is { } revision ? _revisions[revision] : null);
        seeds.Add(stack.Seed ?? throw new InvalidOperationException("The stack started without its seeded users."));
        if (variant?.Cpus is { } cpus)
        {
            var confined = await CpuAffinity.ConfineAsync([.. stack.Processes.Select(p => p.Pid), .. stack.BackingPids], cpus, ct);
            var first = stack.Processes[0];
            log(ReportFile.Invariant($"confined the stack's {confined} processes to {cpus} CPU(s): {first.Name} may now run on CPU {CpuAffinity.AllowedCpus(first.Pid)}"));
        }

        using var http = GatewayClient.CreateHttpClient();
        var api = new GatewayClient(http, stack.PublicUrl);
        await using var population = await Population.CreateAsync(api, settings, log, ct);
        var scenarios = new ComparisonScenarios(api, population, Guid.NewGuid().ToString("N")[..8], ct);

        var warmup = await WarmUpAsync(stack, scenarios, ct);
        await population.Tracker.DrainAsync(TimeSpan.FromSeconds(5), ct);
        var settled = await Settling.UntilRestAsync(() => ServiceProcesses(stack).Select(p => p.Pid), settings.RestCores, settings.SettleLimit, ct);
        log(settled is { } after
            ? ReportFile.Invariant($"at rest {after:0} s after the warm-up")
            : ReportFile.Invariant($"not at rest {settings.SettleLimit.TotalSeconds:0} s after the warm-up: measuring anyway"));

        await using (var meter = ResourceMeter.Start(() => ServiceProcesses(stack), () => stack.BackingPids))
        {
            var rest = Stopwatch.StartNew();
            await Task.Delay(settings.Warmup, ct);
            var usage = await meter.StopAsync();
            idle.Add(new IdleRun(name, replicas, round, rest.Elapsed.TotalSeconds, usage) { SettledSeconds = settled, Warmup = warmup });
        }

        var runs = new List<ScenarioRun>();
        async Task MeasureAsync(string scenario, Func<Task<(HistogramBase Latency, int Errors, double Seconds)>> run, Func<long>? requests = null)
        {
            if (!_options.Runs(scenario))
            {
                return;
            }

            await using var meter = ResourceMeter.Start(() => ServiceProcesses(stack), () => stack.BackingPids);
            var (latency, errors, seconds) = await run();
            var usage = await meter.StopAsync();
            var result = new ScenarioRun(name, replicas, round, scenario, requests?.Invoke() ?? latency.TotalCount, errors, seconds, Latency.Of(latency), usage);
            log(ReportFile.Invariant($"{scenario}: {result.Requests} ops, {result.Throughput:0.0}/s, p50 {result.Latency.P50:0.0} ms, p99 {result.Latency.P99:0.0} ms, {errors} errors"));
            runs.Add(result);
        }

        // The mixed session first, so that it meets every stack (1 or 2 replicas) in the same state: right after the warm-up.
        Func<int, Task<bool>> session = i => scenarios.SessionAsync(i);
        await MeasureAsync(ScenarioNames.Session, () => LoadGenerator.OpenAsync(session, settings.SessionRate, settings.Duration, ct));
        await MeasureAsync(ScenarioNames.SessionMax, () => LoadGenerator.ClosedAsync(session, settings.MaxClients, settings.Duration, ct));
        await population.Tracker.DrainAsync(TimeSpan.FromSeconds(1), ct);

        if (replicas == 1 && variant?.Cpus is null)
        {
            await MeasureAsync(ScenarioNames.PublicProfile, () => LoadGenerator.OpenAsync(scenarios.ReadProfileAsync, settings.ProfileRate, settings.Duration, ct));
            await MeasureAsync(ScenarioNames.PublicProfileMax, () => LoadGenerator.ClosedAsync(scenarios.ReadProfileAsync, settings.MaxClients, settings.Duration, ct));
            await MeasureAsync(ScenarioNames.Recommendations, () => LoadGenerator.OpenAsync(i => scenarios.RecommendAsync(i), settings.RecommendationRate, settings.Duration, ct));
            await MeasureAsync(ScenarioNames.RecommendationsMax, () => LoadGenerator.ClosedAsync(i => scenarios.RecommendAsync(i), settings.MaxClients, settings.Duration, ct));
            await MeasureAsync(ScenarioNames.Swipe, () => LoadGenerator.OpenAsync(scenarios.SwipeAsync, settings.SwipeRate, settings.Duration, ct));
            long sends = 0;
            await MeasureAsync(ScenarioNames.Message, async () =>
            {
                var delivery = Latency.NewHistogram();
                var open = await LoadGenerator.OpenAsync((i, intended) => scenarios.SendMessageAsync(i, intended, delivery), settings.MessageRate, settings.Duration, ct);
                var lost = await population.Tracker.DrainAsync(TimeSpan.FromSeconds(5), ct);
                sends = open.Latency.TotalCount;
                // The latency is the delivery's, from the intended send time; a refused send or a lost delivery is an error.
                return (delivery, open.Errors + lost, open.Seconds);
            }, () => sends);
            await MeasureAsync(ScenarioNames.Propagation, () => LoadGenerator.OpenAsync(scenarios.PropagateAsync, settings.PropagationRate, settings.Duration, ct));
        }

        if (profiles is not null)
        {
            await population.Tracker.DrainAsync(TimeSpan.FromSeconds(5), ct);
            try
            {
                profiles.AddRange(await ProfileAsync(stack, name, scenarios, ct));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A profile that cannot be recorded must not cost the measurements of a long run.
                log($"profiling failed, the report will have no profile of {name}: {e.GetType().Name}: {e.Message}");
            }
        }

        if (faults is not null)
        {
            faults.AddRange(await FaultAsync(stack, topology, scenarios, ct));
        }

        return runs;
    }

    /// <summary>
    /// The profiled pass, after every measured scenario of the stack: at rest, then each closed-loop scenario at max that
    /// this run measures (the mixed session, the cached public profile read, recommendations), the mixed session when none.
    /// </summary>
    private async Task<IReadOnlyList<ProfiledWindow>> ProfileAsync(BenchmarkStack stack, string topology, ComparisonScenarios scenarios, CancellationToken ct)
    {
        var folder = traceFolder ?? Path.Combine(Path.GetTempPath(), "dating-benchmarks", "traces");
        var processes = ServiceProcesses(stack).ToList();
        var rest = ProfileDuration(3);
        var load = ProfileDuration(2);
        IEnumerable<int> Backing() => stack.BackingPids;

        log(ReportFile.Invariant($"profiling (EventPipe, not measured): {rest.TotalSeconds:0.#} s at rest"));
        var windows = new List<ProfiledWindow>
        {
            await TopologyProfiler.RecordAsync(topology, TopologyProfiler.AtRest, "", processes, Backing, folder, async () =>
            {
                await Task.Delay(rest, ct);
                return (0, 0);
            }, ct),
        };
        foreach (var (scenario, unit, operation) in ProfiledScenarios(scenarios))
        {
            log(ReportFile.Invariant($"profiling: {scenario}, {settings.MaxClients} clients for {load.TotalSeconds:0.#} s"));
            var window = await TopologyProfiler.RecordAsync(topology, scenario, unit, processes, Backing, folder, async () =>
            {
                var (latency, errors, _) = await LoadGenerator.ClosedAsync(operation, settings.MaxClients, load, ct);
                return (latency.TotalCount, errors);
            }, ct);
            log(ReportFile.Invariant($"profiled pass: {window.Operations} {unit}s in {window.Seconds:0.0} s ({(window.Operations - window.Errors) / window.Seconds:0.0}/s), {window.Errors} errors"));
            windows.Add(window);
        }

        return windows;
    }

    private IEnumerable<(string Scenario, string Unit, Func<int, Task<bool>> Operation)> ProfiledScenarios(ComparisonScenarios scenarios)
    {
        (string Scenario, string Unit, Func<int, Task<bool>> Operation)[] all =
        [
            (ScenarioNames.SessionMax, "session", i => scenarios.SessionAsync(i)),
            (ScenarioNames.PublicProfileMax, "read", scenarios.ReadProfileAsync),
            (ScenarioNames.RecommendationsMax, "request", i => scenarios.RecommendAsync(i)),
        ];
        var measured = all.Where(s => _options.Runs(s.Scenario)).ToList();
        return measured.Count > 0 ? measured : all.Take(1);
    }

    /// <summary>A profiled window: a fraction of the scenario duration, at least a second.</summary>
    private TimeSpan ProfileDuration(int fraction) => TimeSpan.FromSeconds(Math.Max(1, settings.Duration.TotalSeconds / fraction));

    private async Task<IReadOnlyList<FaultRun>> FaultAsync(BenchmarkStack stack, Topology topology, ComparisonScenarios scenarios, CancellationToken ct)
    {
        var targets = FaultTargets(stack, topology);
        var killed = string.Join(", ", targets.Select(t => t.Name));
        var steps = new StepLog();
        long killedAt = 0;
        log($"fault: mixed sessions at {settings.SessionRate}/s for {settings.FaultDuration.TotalSeconds:0} s, killing {killed} after a third");
        var kill = Task.Run(async () =>
        {
            await Task.Delay(settings.FaultDuration / 3, ct);
            Interlocked.Exchange(ref killedAt, Stopwatch.GetTimestamp());
            foreach (var target in targets)
            {
                stack.Kill(target);
            }
        }, ct);
        await LoadGenerator.OpenAsync(i => scenarios.SessionAsync(i, steps), settings.SessionRate, settings.FaultDuration, ct);
        await kill;

        var name = NameOf(topology);
        var settled = (long)(SettleTime.TotalSeconds * Stopwatch.Frequency);
        return
        [
            .. ComparisonScenarios.Steps.Select(step =>
            {
                var entries = steps.Entries.Where(e => e.Step == step).ToList();
                var before = entries.Where(e => e.EndedAt < killedAt).ToList();
                var after = entries.Where(e => e.StartedAt >= killedAt + settled).ToList();
                var run = new FaultRun(name, killed, step, before.Count, before.Count(e => !e.Ok), after.Count, after.Count(e => !e.Ok));
                log(ReportFile.Invariant($"fault, {step}: errors before {run.ErrorRateBefore:P0} of {run.RequestsBefore}, after {run.ErrorRateAfter:P0} of {run.RequestsAfter}"));
                return run;
            }),
        ];
    }

    /// <summary>Every replica and the gateway (a lone monolith has none: it serves the public API itself), by service.</summary>
    private static IEnumerable<MeteredProcess> ServiceProcesses(BenchmarkStack stack) =>
        stack.Processes.Select(p => new MeteredProcess(p.Service, p.Pid));
}
