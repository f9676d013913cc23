using Dating.BuildingBlocks.Hashing;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;

namespace Dating.Gateway.LoadBalancing;

// Consistent hashing on the user (AffinityKey): a user stays on one replica while it is available; when it
// is out (active or passive health checks), only its users move, each to the next replica on the ring, and
// they come back when it returns; a new replica takes about 1/N of the users, a little from each other one.
public sealed class ConsistentHashLoadBalancingPolicy : ILoadBalancingPolicy
{
    public const string PolicyName = "ConsistentHash";

    private readonly ClusterRings _rings = new();

    public string Name => PolicyName;

    public DestinationState? PickDestination(HttpContext context, ClusterState cluster, IReadOnlyList<DestinationState> availableDestinations)
    {
        if (availableDestinations.Count <= 1)
        {
            return availableDestinations.Count == 0 ? null : availableDestinations[0];
        }

        var key = StableHash.Of(AffinityKey.Of(context));
        var owner = _rings.For(cluster).OwnerOf(key, availableDestinations, static (id, available) => Find(available, id) is not null);

        // Null only while a configuration change is half applied (an available destination not yet in the ring).
        return owner is null
            ? availableDestinations[(int)(key % (ulong)availableDestinations.Count)]
            : Find(availableDestinations, owner);
    }

    private static DestinationState? Find(IReadOnlyList<DestinationState> destinations, string id)
    {
        for (var i = 0; i < destinations.Count; i++)
        {
            if (string.Equals(destinations[i].DestinationId, id, StringComparison.Ordinal))
            {
                return destinations[i];
            }
        }

        return null;
    }
}
