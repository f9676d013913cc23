using System.Collections.Concurrent;
using Dating.BuildingBlocks.Hashing;
using Yarp.ReverseProxy.Model;

namespace Dating.Gateway.LoadBalancing;

// One ring per cluster over ALL its destinations, healthy or not: a destination that is down is skipped at
// lookup, so only its keys move. Rebuilt only when the set of destination ids changes.
internal sealed class ClusterRings(int virtualNodes = ConsistentHashRing.DefaultVirtualNodes)
{
    private readonly ConcurrentDictionary<string, Entry> _rings = new(StringComparer.Ordinal);

    public ConsistentHashRing For(ClusterState cluster)
    {
        var destinations = cluster.DestinationsState.AllDestinations;
        if (_rings.TryGetValue(cluster.ClusterId, out var cached) && ReferenceEquals(cached.Destinations, destinations))
        {
            return cached.Ring;
        }

        // YARP hands out a new list after every configuration or health update; the ring stays when the ids do.
        var ids = destinations.Select(d => d.DestinationId).Order(StringComparer.Ordinal).ToArray();
        var ring = cached is not null && cached.Ring.Nodes.SequenceEqual(ids, StringComparer.Ordinal)
            ? cached.Ring
            : ConsistentHashRing.Create(ids, virtualNodes);
        _rings[cluster.ClusterId] = new Entry(destinations, ring);
        return ring;
    }

    private sealed record Entry(IReadOnlyList<DestinationState> Destinations, ConsistentHashRing Ring);
}
