using Dating.AppHost.Options;
using Dating.Benchmarks.Comparison;
using Dating.Benchmarks.Profiling;
using Dating.Testing;

namespace Dating.Benchmarks.Tests;

/// <summary>
/// <c>compare --quick --profile --scenarios session-max,public-profile-max</c> on the microservices: a window at rest and one
/// per scenario at max, every process gets a trace per profiled window, the traces resolve to method names, and the profile lands in <c>profile.md</c> and in the report.
/// </summary>
public sealed class QuickProfileTests
{
    private static readonly string[] Processes = ["gateway", "profiles", "photos", "matching", "chat"];

    [Fact]
    public async Task A_profiled_quick_run_writes_a_trace_per_process_with_named_frames_and_the_profile_report()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new CompareOptions(Profile: true, Scenarios: CompareOptions.ParseScenarios("session-max,public-profile-max"));
        var output = await ComparisonCommand.RunAsync(
            quick: true, [Topology.Microservices], Path.Combine(Path.GetTempPath(), "dating-tests", "profile"), TestLog.Write, ct, options);

        output.Result.Runs.Select(r => r.Scenario).Distinct().ShouldBe([ScenarioNames.SessionMax, ScenarioNames.PublicProfileMax]);
        output.Result.Faults.ShouldBeEmpty();
        var measured = output.Result.Runs.Single(r => r.Scenario == ScenarioNames.SessionMax);
        measured.Resources.PerProcess.Select(p => p.Name).ShouldBe(Processes, ignoreOrder: true);
        // Read a moment apart from the total, in 10 ms ticks, on a loaded machine: close, not equal.
        measured.Resources.PerProcess.Sum(p => p.CpuSeconds).ShouldBe(measured.Resources.ServiceCpuSeconds, Math.Max(0.2, measured.Resources.ServiceCpuSeconds * 0.05));
        measured.Resources.PerProcess.ShouldContain(p => p.Threads.Any(t => t.Kind == Load.ThreadKinds.ThreadPool && t.CpuSeconds > 0));
        var windows = output.Result.Profiles;
        windows.Select(w => w.Window).ShouldBe([TopologyProfiler.AtRest, ScenarioNames.SessionMax, ScenarioNames.PublicProfileMax]);
        windows.Select(w => w.Unit).Skip(1).ShouldBe(["session", "read"]);
        foreach (var window in windows)
        {
            window.Traces.Select(t => t.Name).ShouldBe(Processes, ignoreOrder: true);
            window.Traces.ShouldAllBe(t => File.Exists(t.File) && Path.GetDirectoryName(t.File) == output.Folder);
        }

        var max = windows.Single(w => w.Window == ScenarioNames.SessionMax);
        max.Operations.ShouldBeGreaterThan(0);
        var gateway = TraceReader.Read("gateway", max.Traces.Single(t => t.Name == "gateway").File);
        gateway.CpuSamples.ShouldBeGreaterThan(0);
        // The YARP bucket is found by the frames' names, so a share of it means its frames resolved. Which methods make
        // the top 25 of a few seconds' samples varies (start-up JIT work can crowd out the proxy), so only ask for names.
        gateway.Components.ShouldContain(c => c.Component == FrameBuckets.Yarp.Name && c.Inclusive > 0);
        gateway.TopInclusive.ShouldContain(m => !m.Method.StartsWith("(unresolved", StringComparison.Ordinal) && m.Method.Contains('.'));

        var profile = await File.ReadAllTextAsync(Path.Combine(output.Folder, "profile.md"), ct);
        foreach (var process in Processes)
        {
            profile.ShouldContain($"### microservices, {ScenarioNames.SessionMax}: {process}");
            profile.ShouldContain($"### microservices, {ScenarioNames.PublicProfileMax}: {process}");
        }

        windows.Single(w => w.Window == ScenarioNames.PublicProfileMax).Operations.ShouldBeGreaterThan(0);
        profile.ShouldContain($"**{ScenarioNames.PublicProfileMax}**: estimated CPU ms per read by component");

        profile.ShouldContain($"| {FrameBuckets.Yarp.Name} |");
        output.Markdown.ShouldContain("### CPU profile");
        output.Markdown.ShouldContain("### Where the CPU goes, per process");
        output.Markdown.ShouldContain("| microservices | gateway |");
    }
}
