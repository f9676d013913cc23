using Dating.AppHost.Options;
using Dating.Benchmarks.Comparison;
using Dating.Testing;

namespace Dating.Benchmarks.Tests;

/// <summary>
/// Runs the comparison in quick mode once (the same code as <c>compare --quick</c>), every stack the app host's,
/// and checks the report and the numbers behind it. Speed is never asserted: only that every scenario ran and
/// measured something plausible.
/// </summary>
public sealed class QuickComparisonTests
{
    private static readonly string[] ChatSteps = [ComparisonScenarios.MessageStep, ComparisonScenarios.ConversationsStep];

    public static IReadOnlyList<Topology> Topologies { get; } = [Topology.Microservices, Topology.Monolith];

    private static readonly Lazy<Task<ComparisonOutput>> Run = new(() => ComparisonCommand.RunAsync(
        quick: true, Topologies, Path.Combine(Path.GetTempPath(), "dating-tests", "comparison"), TestLog.Write, CancellationToken.None));

    private static IEnumerable<string> TopologyNames => Topologies.Select(ComparisonBenchmark.NameOf);

    [Fact]
    public async Task The_report_has_every_scenario_for_every_topology_and_the_charts()
    {
        var output = await RunOnceAsync();

        File.Exists(output.ReportFile).ShouldBeTrue();
        var report = await File.ReadAllTextAsync(output.ReportFile, TestContext.Current.CancellationToken);
        report.ShouldContain("commit ");
        report.ShouldContain($"{Environment.ProcessorCount} cores");
        foreach (var topology in TopologyNames)
        {
            report.ShouldContain($"| {topology} | 1 | 1 |");
            report.ShouldContain($"| {topology} | {Environment.ProcessorCount} | 2 |");
        }

        foreach (var scenario in ScenarioNames.All)
        {
            foreach (var topology in TopologyNames)
            {
                report.ShouldContain($"| {scenario} | {topology} |");
            }
        }

        foreach (var chart in new[] { "latency-p99.png", "latency-p50.png", "cpu-per-operation.png", "scaling.png", "fault.png" })
        {
            var path = Path.Combine(output.Folder, chart);
            File.Exists(path).ShouldBeTrue(chart);
            var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
            bytes.Length.ShouldBeGreaterThan(5_000, chart);
            bytes.Take(4).ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, chart);
            report.ShouldContain($"]({chart})");
        }
    }

    [Fact]
    public async Task Every_scenario_ran_on_every_topology_without_errors_and_with_plausible_numbers()
    {
        var runs = (await RunOnceAsync()).Result.Runs;

        foreach (var topology in TopologyNames)
        {
            foreach (var scenario in ScenarioNames.All)
            {
                runs.ShouldContain(r => r.Topology == topology && r.Replicas == 1 && r.Scenario == scenario, $"{topology}: {scenario}");
            }

            foreach (var scenario in ScenarioNames.Scaling)
            {
                runs.ShouldContain(r => r.Topology == topology && r.Replicas == 2 && r.Scenario == scenario, $"{topology} x2: {scenario}");
                // Scaling up, backwards: the same stack confined to one CPU, and nothing else measured on it.
                runs.ShouldContain(r => r.Topology == RuntimeVariant.OneCpu.Label(topology) && r.Replicas == 1 && r.Scenario == scenario, $"{topology} on 1 CPU: {scenario}");
            }

            runs.Where(r => r.Topology == RuntimeVariant.OneCpu.Label(topology)).Select(r => r.Scenario).ShouldBe(ScenarioNames.Scaling, ignoreOrder: true);
        }

        var idle = (await RunOnceAsync()).Result.Idle;
        foreach (var topology in TopologyNames)
        {
            foreach (var replicas in new[] { 1, 2 })
            {
                var rest = idle.Single(i => i.Topology == topology && i.Replicas == replicas);
                rest.Seconds.ShouldBeGreaterThan(0);
                var warmup = rest.Warmup.ShouldNotBeNull($"{topology} x{replicas}: warm-up");
                warmup.Seconds.ShouldBeGreaterThanOrEqualTo(CompareSettings.Quick.Warmup.TotalSeconds * 0.9);
                warmup.JitShare.ShouldBeInRange(0, 1);
                rest.Resources.ServicePeakMemoryMb.ShouldBeGreaterThan(50, $"{topology} x{replicas} at rest");
            }
        }

        foreach (var run in runs)
        {
            var what = $"{run.Topology} x{run.Replicas}: {run.Scenario}";
            // A shared 2-core machine may time out an odd request; anything beyond that is a broken scenario.
            ((long)run.Errors).ShouldBeLessThanOrEqualTo(Math.Max(1L, run.Requests / 50), what);
            run.Requests.ShouldBeGreaterThan(0, what);
            run.Throughput.ShouldBeGreaterThan(0, what);
            run.Latency.Count.ShouldBe(run.Requests, what);
            run.Latency.P50.ShouldBeGreaterThan(0, what);
            run.Latency.P50.ShouldBeLessThanOrEqualTo(run.Latency.P99, what);
            run.Latency.P99.ShouldBeLessThanOrEqualTo(run.Latency.Max, what);
            run.Resources.ServiceCpuSeconds.ShouldBeGreaterThan(0, what);
            // At least the gateway and one .NET service: well above 50 MB resident.
            run.Resources.ServicePeakMemoryMb.ShouldBeGreaterThan(50, what);
            run.Resources.BackingPeakMemoryMb.ShouldBeGreaterThan(10, what);
        }
    }

    [Fact]
    public async Task Killing_chat_fails_only_chat_steps_in_microservices_and_every_step_in_the_monolith()
    {
        var faults = (await RunOnceAsync()).Result.Faults;

        foreach (var topology in TopologyNames)
        {
            foreach (var step in ComparisonScenarios.Steps)
            {
                var fault = faults.Single(f => f.Topology == topology && f.Step == step);
                fault.RequestsBefore.ShouldBeGreaterThan(0, $"{topology}: {step}");
                fault.RequestsAfter.ShouldBeGreaterThan(0, $"{topology}: {step}");
                var chat = ChatSteps.Contains(step);
                if (!chat)
                {
                    fault.ErrorsBefore.ShouldBeLessThanOrEqualTo(Math.Max(1, fault.RequestsBefore / 50), $"{topology}: {step}");
                }

                if (topology == "monolith")
                {
                    fault.ErrorRateAfter.ShouldBeGreaterThan(0.9, $"{topology}: {step}");
                }
                else if (chat)
                {
                    fault.ErrorRateAfter.ShouldBeGreaterThan(0.9, $"{topology}: {step}");
                }
                else
                {
                    // The other services do not share chat's fate: at most a stray timeout, never the fault's 100%.
                    fault.ErrorsAfter.ShouldBeLessThanOrEqualTo(Math.Max(1, fault.RequestsAfter / 50), $"{topology}: {step}");
                }
            }
        }
    }

    // One run for the three tests, a failed one included: it would fail the same way three times over (minutes each).
    private static Task<ComparisonOutput> RunOnceAsync() => Run.Value.WaitAsync(TestContext.Current.CancellationToken);
}
