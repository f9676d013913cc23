using Dating.Gateway.LoadBalancing;
using Yarp.ReverseProxy.Model;

namespace Dating.Gateway.Tests.LoadBalancing;

public sealed class ConsistentHashLoadBalancingPolicyTests
{
    private static readonly Guid[] Users = [.. Enumerable.Range(0, 300).Select(_ => Guid.NewGuid())];
    private readonly ConsistentHashLoadBalancingPolicy _policy = new();

    [Fact]
    public void A_user_always_lands_on_the_same_replica_and_users_spread_over_all_of_them()
    {
        var destinations = Clusters.Destinations(3);
        var cluster = Clusters.With(destinations);

        var first = Pick(cluster, destinations);
        var again = Pick(cluster, destinations);

        again.ShouldBe(first);
        first.Values.Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void When_a_replica_is_unavailable_only_its_users_move_and_they_come_back_when_it_returns()
    {
        var destinations = Clusters.Destinations(3);
        var cluster = Clusters.With(destinations);
        var before = Pick(cluster, destinations);

        // YARP offers only the healthy destinations; the ring still knows all three.
        var healthy = destinations.Where(d => d.DestinationId != "matching/http/1").ToArray();
        cluster.DestinationsState = new ClusterDestinationsState(destinations, healthy);
        var whileDown = Pick(cluster, healthy);
        cluster.DestinationsState = new ClusterDestinationsState(destinations, destinations);
        var afterwards = Pick(cluster, destinations);

        foreach (var user in Users)
        {
            if (before[user] == "matching/http/1")
            {
                whileDown[user].ShouldNotBe("matching/http/1");
            }
            else
            {
                whileDown[user].ShouldBe(before[user]);
            }
        }

        afterwards.ShouldBe(before);
    }

    [Fact]
    public void A_new_replica_takes_users_only_for_itself()
    {
        var destinations = Clusters.Destinations(4);
        var before = Pick(Clusters.With(destinations[..3]), destinations[..3]);

        var after = Pick(Clusters.With(destinations), destinations);

        var moved = Users.Where(user => after[user] != before[user]).ToList();
        moved.ShouldAllBe(user => after[user] == "matching/http/3");
        moved.Count.ShouldBeInRange(Users.Length / 8, Users.Length / 2);
    }

    [Fact]
    public void Anonymous_requests_are_placed_by_client_address()
    {
        var destinations = Clusters.Destinations(3);
        var cluster = Clusters.With(destinations);

        var placed = Enumerable.Range(1, 60).Select(i => $"10.0.0.{i}")
            .ToDictionary(address => address, address => _policy.PickDestination(Requests.Anonymous(address), cluster, destinations)!.DestinationId);

        placed.ShouldAllBe(pair => _policy.PickDestination(Requests.Anonymous(pair.Key), cluster, destinations)!.DestinationId == pair.Value);
        placed.Values.Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void With_one_or_no_available_replica_there_is_nothing_to_choose()
    {
        var destinations = Clusters.Destinations(2);
        var cluster = Clusters.With(destinations);
        var context = Requests.OfUser(Users[0]);

        _policy.PickDestination(context, cluster, [destinations[1]]).ShouldBeSameAs(destinations[1]);
        _policy.PickDestination(context, cluster, []).ShouldBeNull();
    }

    private Dictionary<Guid, string> Pick(ClusterState cluster, IReadOnlyList<DestinationState> available) =>
        Users.ToDictionary(user => user, user => _policy.PickDestination(Requests.OfUser(user), cluster, available)!.DestinationId);
}
