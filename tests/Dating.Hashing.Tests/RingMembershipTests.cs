using Dating.BuildingBlocks.Hashing;

namespace Dating.Hashing.Tests;

public sealed class RingMembershipTests
{
    private const int KeyCount = 100_000;
    private static readonly string[] UserIds = Keys.UserIds(KeyCount);

    [Fact]
    public void A_fifth_node_takes_a_fifth_of_the_keys_and_each_old_node_gives_up_about_five_percent()
    {
        var four = ConsistentHashRing.Create(Keys.Nodes(4));
        var five = four.Add("matching/http/4");

        var before = four.OwnersOf(UserIds);
        var after = five.OwnersOf(UserIds);
        var moves = before.Zip(after).Where(pair => pair.First != pair.Second).ToList();

        Share(moves.Count).ShouldBeInRange(0.18, 0.22);
        moves.ShouldAllBe(move => move.Second == "matching/http/4", "a key moves only to the newcomer, never between old nodes");
        foreach (var node in four.Nodes)
        {
            Share(moves.Count(move => move.First == node)).ShouldBeInRange(0.035, 0.065, $"{node} should give up about 5% of all keys");
        }
    }

    [Fact]
    public void Removing_a_node_moves_only_its_keys()
    {
        var five = ConsistentHashRing.Create(Keys.Nodes(5));
        var four = five.Remove("matching/http/2");

        var before = five.OwnersOf(UserIds);
        var after = four.OwnersOf(UserIds);

        var moved = before.Zip(after).Where(pair => pair.First != pair.Second).ToList();
        moved.Count.ShouldBe(before.Count(owner => owner == "matching/http/2"));
        moved.ShouldAllBe(move => move.First == "matching/http/2");
        moved.Select(move => move.Second).Distinct().Count().ShouldBe(4, "its keys spread over all the others");
    }

    [Fact]
    public void With_enough_virtual_nodes_every_node_holds_within_ten_percent_of_the_mean()
    {
        foreach (var nodes in new[] { 4, 5, 8, 9 })
        {
            var ring = ConsistentHashRing.Create(Keys.Nodes(nodes));
            var mean = (double)KeyCount / nodes;
            var load = ring.OwnersOf(UserIds).CountBy(owner => owner).ToDictionary();

            load.Count.ShouldBe(nodes);
            load.Values.ShouldAllBe(count => Math.Abs(count - mean) <= 0.10 * mean, $"{nodes} nodes: {string.Join(", ", load)}");
        }
    }

    [Fact]
    public void With_one_point_per_node_the_spread_is_far_from_even()
    {
        // The reason for virtual nodes: a handful of random points cut the circle into very unequal arcs.
        var ring = ConsistentHashRing.Create(Keys.Nodes(5), virtualNodes: 1);
        var mean = (double)KeyCount / 5;

        var load = ring.OwnersOf(UserIds).CountBy(owner => owner).Select(pair => pair.Value);

        load.Max(count => Math.Abs(count - mean) / mean).ShouldBeGreaterThan(0.10);
    }

    [Fact]
    public void Adding_and_removing_is_idempotent_and_leaves_the_original_ring_unchanged()
    {
        var ring = ConsistentHashRing.Create(Keys.Nodes(3));

        var bigger = ring.Add("matching/http/3");

        ring.Nodes.ShouldBe(Keys.Nodes(3));
        bigger.Nodes.ShouldBe(Keys.Nodes(4));
        bigger.Add("matching/http/3").ShouldBeSameAs(bigger);
        ring.Remove("matching/http/9").ShouldBeSameAs(ring);
        bigger.Remove("matching/http/3").OwnersOf(UserIds[..1000]).ShouldBe(ring.OwnersOf(UserIds[..1000]));
    }

    [Fact]
    public void Rings_built_from_the_same_nodes_in_any_order_agree()
    {
        var one = ConsistentHashRing.Create(["chat/http/0", "chat/http/1", "chat/http/2"]);
        var other = ConsistentHashRing.Create(["chat/http/2", "chat/http/0", "chat/http/1", "chat/http/0"]);

        other.Nodes.ShouldBe(one.Nodes);
        other.OwnersOf(UserIds[..5000]).ShouldBe(one.OwnersOf(UserIds[..5000]));
    }

    [Fact]
    public void An_empty_ring_owns_nothing()
    {
        var ring = ConsistentHashRing.Create([]);

        ring.OwnerOf("anyone").ShouldBeNull();
        ring.OwnerOf("anyone", _ => true).ShouldBeNull();
    }

    private static double Share(int count) => (double)count / KeyCount;
}
