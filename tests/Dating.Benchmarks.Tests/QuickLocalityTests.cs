using Dating.Benchmarks.Locality;
using Dating.Testing;

namespace Dating.Benchmarks.Tests;

/// <summary>
/// Runs the locality benchmark in quick mode (the same code as <c>locality --quick</c>), each run on an app host of its own.
/// Its quick settings make the outcome hold by construction: each replica's share of the users fits its card cache under
/// consistent hashing, while under PowerOfTwoChoices every replica sees every user and the cache is too small for them.
/// </summary>
public sealed class QuickLocalityTests
{
    [Fact]
    public async Task Consistent_hashing_gets_a_higher_card_cache_hit_rate_than_power_of_two_choices_without_errors()
    {
        var settings = LocalitySettings.Quick;
        var runs = await new LocalityBenchmark(settings, TestLog.Write).RunAsync(TestContext.Current.CancellationToken);

        runs.Select(r => r.Policy).ShouldBe(LocalityBenchmark.Policies, ignoreOrder: true);
        foreach (var run in runs)
        {
            run.Errors.ShouldBe(0, run.Policy);
            run.Replicas.Count.ShouldBe(LocalitySettings.MatchingReplicas, run.Policy);
            run.LatencyMicros.TotalCount.ShouldBeGreaterThan(0, run.Policy);

            // Every request looked its caller's card up exactly once, on the replica that served it.
            run.Total.Lookups.ShouldBe(run.LatencyMicros.TotalCount, run.Policy);
            run.Replicas.ShouldAllBe(r => r.Counters.Lookups > 0, run.Policy);
        }

        var hashed = runs.Single(r => r.Policy == LocalityBenchmark.ConsistentHash).Total;
        var random = runs.Single(r => r.Policy == LocalityBenchmark.PowerOfTwoChoices).Total;
        hashed.HitRate.ShouldBeGreaterThan(random.HitRate);

        var report = LocalityReport.Render(runs, "# header");
        report.ShouldContain($"| {LocalityBenchmark.ConsistentHash} |");
        report.ShouldContain($"| {LocalityBenchmark.PowerOfTwoChoices} |");
    }
}
