using Dating.BuildingBlocks.Hashing;

namespace Dating.Hashing.Tests;

public sealed class UnavailableNodeTests
{
    private static readonly string[] UserIds = Keys.UserIds(50_000, seed: 7);
    private static readonly ConsistentHashRing Ring = ConsistentHashRing.Create(Keys.Nodes(4));

    [Fact]
    public void Skipping_an_unavailable_node_moves_only_its_keys()
    {
        const string down = "matching/http/1";
        var owners = Ring.OwnersOf(UserIds);

        var skipping = UserIds.Select(key => Ring.OwnerOf(key, node => node != down)).ToArray();

        var moved = owners.Zip(skipping).Where(pair => pair.First != pair.Second).ToList();
        moved.Count.ShouldBe(owners.Count(owner => owner == down));
        moved.ShouldAllBe(move => move.First == down && move.Second != down && move.Second != null);
    }

    [Fact]
    public void Keys_of_an_unavailable_node_go_where_they_would_go_were_it_removed()
    {
        const string down = "matching/http/3";
        var withoutIt = Ring.Remove(down).OwnersOf(UserIds);

        var skipping = UserIds.Select(key => Ring.OwnerOf(key, node => node != down)).ToArray();

        skipping.ShouldBe(withoutIt);
    }

    [Fact]
    public void Keys_come_back_to_a_node_that_is_available_again()
    {
        var available = new HashSet<string>(Ring.Nodes);
        var owners = Ring.OwnersOf(UserIds);

        available.Remove("matching/http/0");
        var whileDown = UserIds.Select(key => Ring.OwnerOf(key, available.Contains)).ToArray();
        available.Add("matching/http/0");
        var afterwards = UserIds.Select(key => Ring.OwnerOf(key, available.Contains)).ToArray();

        whileDown.ShouldNotContain("matching/http/0");
        afterwards.ShouldBe(owners);
    }

    [Fact]
    public void With_two_nodes_down_their_keys_skip_both()
    {
        string[] down = ["matching/http/0", "matching/http/2"];
        var owners = Ring.OwnersOf(UserIds);

        var skipping = UserIds.Select(key => Ring.OwnerOf(key, down, static (node, excluded) => !excluded.Contains(node))).ToArray();

        skipping.ShouldAllBe(owner => owner == "matching/http/1" || owner == "matching/http/3");
        owners.Zip(skipping).Where(pair => !down.Contains(pair.First)).ShouldAllBe(pair => pair.First == pair.Second);
    }

    [Fact]
    public void With_every_node_unavailable_nobody_owns_the_key()
    {
        Ring.OwnerOf("someone", _ => false).ShouldBeNull();
    }
}
