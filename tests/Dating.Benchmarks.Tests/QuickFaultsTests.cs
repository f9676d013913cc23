using Dating.Benchmarks.Faults;
using Dating.Testing;

namespace Dating.Benchmarks.Tests;

/// <summary>
/// Runs the fault benchmark in quick mode (the same code as <c>faults --quick</c>) on an app host of its own: the broker,
/// a chat replica, a photos replica in the middle of a batch of uploads, and matching's only replica killed with -9 under
/// load, each started again, and then every event sent so far published again; the end-to-end invariants checked after
/// each against the databases, the broker and the users' own views (every accepted photo ready, none stuck in
/// processing, and no effect of a redelivered event twice, among them).
/// </summary>
public sealed class QuickFaultsTests
{
    [Fact]
    public async Task Killing_the_broker_and_a_replica_under_load_loses_and_doubles_nothing()
    {
        var settings = FaultSettings.Quick;
        var results = await new FaultBenchmark(settings, TestLog.Write).RunAsync(TestContext.Current.CancellationToken);

        results.Select(r => r.Fault).ShouldBe(settings.Faults);
        foreach (var result in results)
        {
            var broken = result.Invariants.Where(i => !i.Holds).Select(i => $"{i.Name}: {string.Join("; ", i.Violations.Take(5))}");
            result.InvariantsHold.ShouldBeTrue($"{result.Fault.Name}: {string.Join(" | ", broken)}");
            result.Before.Requests.ShouldBeGreaterThan(0, result.Fault.Name);
            result.Before.Failed.ShouldBe(0, $"{result.Fault.Name}: failed before it, per step: "
                + string.Join(", ", result.StepsBefore.Select(s => $"{s.Key} {s.Value.Failed} of {s.Value.Requests}")));
            (result.During.Requests + result.After.Requests).ShouldBeGreaterThan(0, result.Fault.Name);
        }

        // The other chat replica takes over: once the killed one is back, sends succeed again.
        var chat = results.Single(r => r.Fault == Fault.Replica(Dating.BuildingBlocks.Modules.ModuleCatalog.Chat.Name));
        chat.StepsFromKill[FaultLoad.MessageStep].Requests.ShouldBeGreaterThan(chat.StepsFromKill[FaultLoad.MessageStep].Failed);

        // Matching's one replica gone: swipes fail until it is back, while chat, a service of its own, takes every message.
        var alone = results.Single(r => r.Fault == Fault.OnlyReplica(Dating.BuildingBlocks.Modules.ModuleCatalog.Matching.Name));
        alone.StepsFromKill[FaultLoad.SwipeStep].Failed.ShouldBeGreaterThan(0);
        alone.StepsFromKill[FaultLoad.MessageStep].Requests.ShouldBeGreaterThan(0);
        alone.StepsFromKill[FaultLoad.MessageStep].Failed.ShouldBe(0);

        // The whole history went out again, and (the invariants above) nothing happened twice.
        results.Single(r => r.Fault == Fault.Redelivery).Republished.Values.Sum().ShouldBeGreaterThan(0);

        var report = FaultReport.Render(results, "# header\n\n");
        foreach (var fault in settings.Faults)
        {
            report.ShouldContain($"## {fault.Name}");
        }

        report.ShouldNotContain("**broken**");
    }
}
