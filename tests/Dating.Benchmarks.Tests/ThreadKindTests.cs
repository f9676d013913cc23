using Dating.Benchmarks.Comparison;
using Dating.Benchmarks.Load;

namespace Dating.Benchmarks.Tests;

/// <summary>Naming what a thread does from its /proc name, and the per-process breakdown built on it.</summary>
public sealed class ThreadKindTests
{
    [Theory]
    [InlineData(".NET TP Worker", ThreadKinds.ThreadPool)]
    [InlineData(".NET Tiered Com", ThreadKinds.Jit)]
    [InlineData(".NET Server GC", ThreadKinds.Gc)]
    [InlineData(".NET BGC", ThreadKinds.Gc)]
    [InlineData(".NET Sockets", ThreadKinds.Sockets)]
    [InlineData(".NET Timer", ThreadKinds.Timers)]
    [InlineData(".NET EventPipe", ThreadKinds.Diagnostics)]
    [InlineData("dotnet", ThreadKinds.Main)]
    [InlineData(".NET Long Runni", ".NET Long Runni")]
    public void A_thread_is_known_by_its_name(string name, string kind) => ThreadKinds.Of(name, "dotnet").ShouldBe(kind);

    [Fact]
    public void The_breakdown_averages_rounds_per_service_and_shares_the_total()
    {
        ResourceUsage Usage(double gateway, double matching) => new(gateway + matching, 0, 0, 0,
        [
            new ProcessUsage("matching", matching, [new ThreadCpu(ThreadKinds.ThreadPool, matching * 0.75), new ThreadCpu(ThreadKinds.Gc, matching * 0.25)]),
            new ProcessUsage("gateway", gateway, [new ThreadCpu(ThreadKinds.ThreadPool, gateway)]),
        ]);

        var breakdown = ProcessBreakdown.Of([(Usage(1, 3), 100, 10), (Usage(3, 3), 200, 10)]);

        breakdown.Select(b => b.Process).ShouldBe(["gateway", "matching"]);
        var gateway = breakdown[0];
        gateway.CpuSeconds.ShouldBe(2, 1e-9);
        gateway.CpuMsPerOperation.ShouldBe((10.0 + 15.0) / 2, 1e-9);
        gateway.CoresBusy.ShouldBe(0.2, 1e-9);
        gateway.Share.ShouldBe(0.4, 1e-9);
        var matching = breakdown[1];
        matching.Share.ShouldBe(0.6, 1e-9);
        matching.DescribeThreads().ShouldBe("thread pool workers 75 %, GC threads 25 %");
    }

    [Fact]
    public void Scenario_keys_select_scenarios_and_experiments_and_unknown_keys_are_refused()
    {
        var selected = CompareOptions.ParseScenarios("session-max,fault").ShouldNotBeNull();
        var options = new CompareOptions(Scenarios: selected);
        options.Runs(ScenarioNames.SessionMax).ShouldBeTrue();
        options.Runs(ScenarioNames.Swipe).ShouldBeFalse();
        options.RunsFault.ShouldBeTrue();
        options.RunsScaling.ShouldBeFalse();
        CompareOptions.Default.RunsScaling.ShouldBeTrue();
        CompareOptions.ParseScenarios("session-max,nonsense").ShouldBeNull();
        CompareOptions.ParseScenarios(",").ShouldBeNull();
    }
}
