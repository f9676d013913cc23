using Dating.BuildingBlocks.Hashing;

namespace Dating.Hashing.Tests;

public sealed class KeyMovementReportTests
{
    private static readonly IReadOnlyList<KeyMovement> Movements = KeyMovementReport.Run([4, 8], keys: 50_000);

    [Fact]
    public void Consistent_hashing_moves_only_the_newcomers_share_and_nothing_between_old_nodes()
    {
        foreach (var movement in Movements.Where(m => m.Strategy == KeyMovementReport.ConsistentHashing))
        {
            movement.MovedShare.ShouldBeInRange(movement.IdealShare * 0.9, movement.IdealShare * 1.1);
            movement.MovedBetweenOldNodes.ShouldBe(0);
            movement.MovedToNewNode.ShouldBe(movement.Moved);
        }
    }

    [Fact]
    public void Hash_mod_n_reshuffles_almost_every_key_between_old_nodes()
    {
        var fourToFive = Movements.Single(m => m is { Strategy: KeyMovementReport.HashModN, NodesBefore: 4 });
        var eightToNine = Movements.Single(m => m is { Strategy: KeyMovementReport.HashModN, NodesBefore: 8 });

        // A key stays only where h mod N = h mod (N+1): 4 of every 20 keys, 8 of every 72.
        fourToFive.MovedShare.ShouldBeInRange(0.78, 0.82);
        eightToNine.MovedShare.ShouldBeInRange(0.87, 0.91);
        fourToFive.MovedBetweenOldNodes.ShouldBeGreaterThan(fourToFive.MovedToNewNode);
    }

    [Fact]
    public void The_markdown_table_has_a_row_per_strategy_and_node_count()
    {
        var table = KeyMovementReport.Markdown(Movements);

        table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2 + 4);
        table.ShouldContain("| 4→5 | consistent hashing |");
        table.ShouldContain("| 8→9 | hash mod N |");
    }
}
