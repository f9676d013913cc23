using Dating.Benchmarks.Sharding;
using Dating.Testing;

namespace Dating.Benchmarks.Tests;

/// <summary>
/// Runs the sharding benchmark in quick mode (the same code as <c>sharding --quick</c>): one stack, the host's
/// <c>shards add</c> taking 2 shards to 3 over a few thousand seeded swipes while registered users swipe through the
/// gateway, and one throughput round on that stack before the change. It asserts what can fail, never speed.
/// </summary>
public sealed class QuickShardingTests
{
    [Fact]
    public async Task A_shard_added_under_load_keeps_every_swipe_once_on_the_new_rings_shard_and_moves_only_its_share()
    {
        var settings = ShardingSettings.Quick;
        var result = await new ShardingBenchmark(settings, TestLog.Write).RunAsync(TestContext.Current.CancellationToken);
        var (load, rows, acknowledged) = (result.Resharding.Load, result.Resharding.Rows, result.Resharding.Acknowledged);

        // Every swipe the gateway acknowledged, also while the shards changed: stored exactly once, on the new ring's shard, as decided.
        load.Select(w => w.Name).ShouldBe(["before", "during", "after"]);
        load.ShouldAllBe(w => w.LatencyMicros.TotalCount > w.Errors);
        acknowledged.Acknowledged.ShouldBeGreaterThan(0);
        acknowledged.NotExactlyOnce.ShouldBe(0);
        acknowledged.Misplaced.ShouldBe(0);

        // The seeded history: nothing lost or doubled, every swiper whole on its new shard, nothing moved between the old two.
        rows.Rows.ShouldBe((long)settings.Resharding.SeededUsers * settings.Resharding.SwipesPerUser);
        rows.RowsAfter.ShouldBe(rows.Rows);
        rows.SwipersMisplaced.ShouldBe(0);
        rows.RowsBetweenOldShards.ShouldBe(0);
        rows.Shards.Where(s => s.RowsBefore > 0).ShouldAllBe(s => s.GaveUp > 0 && s.ToOtherOldShards == 0);

        // About 1/N of the rows moved; hash mod N would have moved far more of the same swipers' rows.
        rows.MovedShare.ShouldBeInRange(rows.IdealShare * 0.75, rows.IdealShare * 1.25);
        rows.ModNShare.ShouldBeGreaterThan(rows.MovedShare * 1.5);

        var run = result.Throughput.ShouldHaveSingleItem();
        run.Shards.ShouldBe(settings.Resharding.FromShards);
        run.Fixed.TotalCount.ShouldBeGreaterThan(0);
        run.ClosedPerSecond.ShouldBeGreaterThan(0);
        run.MatchReads.TotalCount.ShouldBeGreaterThan(run.MatchReadErrors);

        var report = ShardingReport.Render(result, "## header");
        foreach (var section in new[]
                 {
                     ShardingReport.ReshardingSection, ShardingReport.GivenUpSection, ShardingReport.ModNSection, ShardingReport.LoadSection,
                     ShardingReport.ThroughputSection, ShardingReport.CrossShardSection,
                 })
        {
            report.ShouldContain(section);
        }

        report.ShouldContain("| consistent hashing (measured) |");
        report.ShouldContain("| hash mod N (computed) |");
        report.ShouldContain("| during |");
        report.ShouldContain(result.Resharding.CommandOutput);
    }
}
